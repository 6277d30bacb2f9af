package io.judgeforge.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Production code starts the simulator through the service it provides, and says so when it is missing. */
class LocalEndpointServersTest {

    @Test
    void theSimulatorStartsThroughTheServiceWithItsFlags() throws IOException, InterruptedException {
        try (LocalEndpointServer server =
                LocalEndpointServers.startSimulator("a test needs it", "", List.of("--port", "0"))) {
            HttpResponse<String> models = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, models.statusCode());
            assertTrue(models.body().contains("sim-gpt-4"), models.body());
        }
    }

    @Test
    void configCanPassTheRealismFlagsThroughSimulatorArgs() throws IOException, InterruptedException {
        String yaml = Files.readString(Path.of("../conf/local.yaml"));
        PipelineConfig.Simulator sim = ConfigLoader.section(
                ConfigLoader.tree(yaml, List.of("simulator.args=[--realism, --error-dialect, vllm]")),
                "simulator",
                PipelineConfig.Simulator.class);
        assertEquals(List.of("--realism", "--error-dialect", "vllm"), sim.args());
        List<String> arguments = new java.util.ArrayList<>(List.of("--port", "0"));
        arguments.addAll(sim.args());
        try (LocalEndpointServer server = LocalEndpointServers.startSimulator("a test needs it", "", arguments)) {
            HttpClient http = HttpClient.newHttpClient();
            String models = http.send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(models.contains("\"sim-o3\""), "realism serves reasoning models: " + models);
            HttpResponse<String> unknown = http.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().startsWith("{\"object\":\"error\""), "vLLM's error dialect: " + unknown.body());
        }
    }

    @Test
    void anUnusableFlagIsAConfigErrorNamingIt() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> LocalEndpointServers.startSimulator("a test needs it", "", List.of("--latency-ms", "-1")));
        assertEquals("Invalid value for '--latency-ms': -1 (expected an integer >= 0)", e.getMessage());
    }

    @Test
    void withoutTheSimulatorModuleTheMessageIsOneLineSayingWhatToDo() throws IOException {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> LocalEndpointServers.simulator(
                            "simulator.start is true", "or point the endpoint at a running server", bare));
            assertEquals(
                    "simulator.start is true but the simulator module is not on the classpath; run through"
                            + " run-scripts/judgeforge, or point the endpoint at a running server",
                    e.getMessage());
        }
        assertTrue(LocalEndpointServers.find("no-such-server").isEmpty());
    }
}

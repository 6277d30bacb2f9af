package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Azure OpenAI's paths, and what /sim/requests says a client sent. */
class RealismAzureAndRequestsHttpTest {
    private static final String KEY = "azure-key-0123456789abcdef";
    private static final String AZURE_CHAT = "/openai/deployments/sim-6b/chat/completions?api-version=2024-10-21";

    @Test
    void anAzureDeploymentAnswersAsTheModelOfItsName() {
        try (SimulatorServer server = start(Realism.OFF.withAzure(true))) {
            SimulatorClient client = new SimulatorClient(server);
            ObjectNode request = SimulatorClient.chatRequest("ignored", "Explain tides.");
            request.remove("model");
            SimulatorClient.Reply azure = client.post(AZURE_CHAT, request, Map.of());
            SimulatorClient.Reply openAi =
                    client.post("/v1/chat/completions", SimulatorClient.chatRequest("sim-6b", "Explain tides."));

            assertEquals(200, azure.status(), azure.body());
            assertEquals("sim-6b", azure.json().get("model").asText());
            assertEquals(openAi.body(), azure.body(), "the same request by either path gets the same reply");
            SimulatorClient.Reply text = client.post(
                    "/openai/deployments/sim-6b/completions?api-version=2024-10-21",
                    SimulatorJson.mapper().createObjectNode().put("prompt", "Hello there"),
                    Map.of());
            assertEquals(200, text.status(), text.body());
            assertEquals("text_completion", text.json().get("object").asText());
        }
    }

    @Test
    void azureNeedsTheApiVersionAndAKnownDeploymentInItsOwnErrorShape() {
        try (SimulatorServer server = start(Realism.OFF.withAzure(true))) {
            SimulatorClient client = new SimulatorClient(server);
            SimulatorClient.Reply noVersion = client.post(
                    "/openai/deployments/sim-6b/chat/completions",
                    SimulatorClient.chatRequest("sim-6b", "Hi."),
                    Map.of());
            SimulatorClient.Reply unknown = client.post(
                    "/openai/deployments/gpt-9/chat/completions?api-version=2024-10-21",
                    SimulatorClient.chatRequest("gpt-9", "Hi."),
                    Map.of());

            assertEquals(400, noVersion.status());
            assertEquals(
                    "MissingApiVersionParameter",
                    noVersion.json().at("/error/code").asText());
            assertEquals(404, unknown.status());
            assertEquals("DeploymentNotFound", unknown.json().at("/error/code").asText());
            assertTrue(unknown.json().at("/error/message").isTextual());
        }
    }

    @Test
    void azureTakesTheKeyInTheApiKeyHeaderOnly() {
        try (SimulatorServer server = start(Realism.OFF.withAzure(true).withRequiredKey(KEY))) {
            SimulatorClient client = new SimulatorClient(server);
            ObjectNode request = SimulatorClient.chatRequest("sim-6b", "Hi.");

            assertEquals(
                    200,
                    client.post(AZURE_CHAT, request, Map.of("api-key", KEY)).status());
            SimulatorClient.Reply bearer = client.post(AZURE_CHAT, request, Map.of("Authorization", "Bearer " + KEY));
            assertEquals(401, bearer.status());
            assertEquals("401", bearer.json().at("/error/code").asText());
            assertTrue(bearer.json().at("/error/message").asText().startsWith("Access denied"));
            assertEquals(
                    401,
                    client.post("/v1/chat/completions", request, Map.of("api-key", KEY))
                            .status(),
                    "the OpenAI path wants a bearer token");
        }
    }

    @Test
    void withoutTheSwitchAzurePathsAreUnknown() {
        try (SimulatorServer server = start(Realism.OFF)) {
            assertEquals(
                    404,
                    new SimulatorClient(server)
                            .post(AZURE_CHAT, SimulatorClient.chatRequest("sim-6b", "Hi."), Map.of())
                            .status());
        }
    }

    @Test
    void simRequestsListsWhatEachClientSentButNoHeaderValue() {
        try (SimulatorServer server = start(Realism.OFF.withAzure(true).withRequiredKey(KEY))) {
            SimulatorClient client = new SimulatorClient(server);
            client.post(
                    AZURE_CHAT + "&api-key=leaked-in-the-query",
                    SimulatorClient.chatRequest("sim-6b", "Hi."),
                    Map.of(
                            "api-key",
                            KEY,
                            "User-Agent",
                            "AzureOpenAI/Java 1.0.0-beta.16",
                            "X-Stainless-Retry-Count",
                            "0"));
            client.get("/sim/stats");
            JsonNode log = client.get("/sim/requests").json();

            assertEquals(1, log.get("total").asInt(), "the simulator's own endpoints are not logged");
            JsonNode entry = log.at("/requests/0");
            assertEquals("POST", entry.get("method").asText());
            assertEquals(
                    "/openai/deployments/sim-6b/chat/completions",
                    entry.get("path").asText());
            assertEquals("2024-10-21", entry.at("/query/api-version").asText());
            assertEquals("(redacted)", entry.at("/query/api-key").asText());
            assertEquals(
                    "AzureOpenAI/Java 1.0.0-beta.16", entry.get("user_agent").asText());
            assertEquals(200, entry.get("status").asInt());
            List<String> names = new ArrayList<>();
            entry.get("header_names").forEach(name -> names.add(name.asText()));
            assertTrue(
                    names.containsAll(List.of("api-key", "content-type", "user-agent", "x-stainless-retry-count")),
                    names.toString());
            assertEquals(names.stream().sorted().toList(), names);
            assertFalse(log.toString().contains(KEY), "no header value is ever logged");
            assertFalse(log.toString().contains("leaked-in-the-query"));
        }
    }

    @Test
    void simRequestsIsThereWithoutRealismToo() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            client.chat("sim-6b", "Hi.");
            JsonNode log = client.get("/sim/requests").json();
            assertEquals(1, log.get("kept").asInt());
            assertTrue(log.at("/requests/0/user_agent").asText().startsWith("okhttp/"), log.toString());
            assertEquals(405, client.post("/sim/requests", "{}").status());
        }
    }

    private static SimulatorServer start(Realism realism) {
        return SimulatorServer.start(SimulatorSettings.defaults().withRealism(realism), 0);
    }
}

package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's two runs at once on one {@code --out}, as when a scheduler fires twice: two
 * drivers, one in a JVM of its own, share the output root and its response store. Each request is paid
 * once: the run that claimed it first calls, the other waits on the live claim and takes the answer
 * from the store. Both publish a version of their own with the shards of the shared reference run,
 * and neither removes the other's export staging folder.
 */
@Tag("spark")
class ConcurrentRunsTest {
    @Test
    void twoRunsAtOnceOnOneOutputBothPublishTheReferenceShardsAndPayEachRequestOnce(@TempDir Path dir)
            throws Exception {
        try (LocalEndpointServer sim = LocalEndpointServers.startSimulator(
                "this test", "", List.of("--port", "0", "--seed", "7", "--latency-ms", "5"))) {
            Path out = dir.resolve("out");
            List<String> command = new ArrayList<>(List.of(
                    "run",
                    "--conf",
                    Path.of("../conf/local.yaml").toAbsolutePath().normalize().toString(),
                    "--out",
                    out.toString()));
            List<String> settings = new ArrayList<>(PipelineRuns.REFERENCE);
            settings.addAll(
                    List.of("simulator.start=false", "spark.partitions=2", "endpoints.sim.base-url=" + sim.baseUrl()));
            settings.forEach(s -> command.addAll(List.of("--set", s)));

            JsonNode reference = PipelineRuns.reference().manifest();
            long before = KilledDriverResumeTest.requests(sim);
            // One driver in a JVM of its own, the other in this one (its Spark already warm), at once.
            try (DriverProcess other = DriverProcess.start(command)) {
                assertTrue(other.awaitLine(l -> l.startsWith("run "), 120), other.log());
                KilledDriverResumeTest.run(command.subList(0, 5), settings);
                assertEquals(0, other.exitCode(600), other.log());
            }

            List<JsonNode> manifests = new ArrayList<>();
            try (var versions = Files.list(out.resolve("datasets"))) {
                for (Path v : versions.filter(Files::isDirectory).toList()) {
                    manifests.add(Json.read(Files.readString(v.resolve("manifest.json")), JsonNode.class));
                }
            }
            assertEquals(2, manifests.size(), "a version from each run, and no staging folder left: " + manifests);
            assertNotEquals(
                    manifests.get(0).get("run_id").asText(),
                    manifests.get(1).get("run_id").asText(),
                    "two runs of their own");
            long calls = 0;
            for (JsonNode m : manifests) {
                assertEquals(PipelineRuns.shards(reference), PipelineRuns.shards(m), "the reference run's shards");
                assertEquals(
                        reference.at("/totals/calls").asLong(),
                        m.at("/totals/calls").asLong() + m.at("/totals/stored").asLong(),
                        "each run asked for the reference run's requests, paid or from the store");
                calls += m.at("/totals/calls").asLong();
            }
            long paid = KilledDriverResumeTest.requests(sim) - before;
            System.out.printf(
                    "two runs at once: %d and %d requests paid, %d in all, %d for one run%n",
                    manifests.get(0).at("/totals/calls").asLong(),
                    manifests.get(1).at("/totals/calls").asLong(),
                    paid,
                    reference.at("/totals/calls").asLong());
            assertEquals(calls, paid, "the manifests count what the provider saw");
            assertEquals(reference.at("/totals/calls").asLong(), paid, "each request paid once");
        }
    }
}

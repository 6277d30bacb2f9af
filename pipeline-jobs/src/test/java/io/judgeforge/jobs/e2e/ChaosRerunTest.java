package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's chaos run: the README's run at quota 1 against a simulator that fails as providers
 * do (5% HTTP 500, 5% 503, 5% 429, 2% malformed JSON, 2% cut-off replies, 3% replies slower than the
 * client's timeout, refusals and content filters, the retry headers in every form). It completes and
 * every step reconciles; what failed is quarantined with its reason and never stored, so one rerun
 * against a healthy simulator into the same output publishes exactly the shards of the shared
 * reference run, which never met a fault.
 */
@Tag("spark")
class ChaosRerunTest {
    static final List<String> CHAOS_FLAGS = List.of(
            "--fault-500", "0.05",
            "--fault-503", "0.05",
            "--fault-429", "0.05",
            "--fault-malformed", "0.02",
            "--fault-truncated", "0.02",
            "--fault-slow", "0.03",
            "--slow-ms", "1500",
            "--refusal-rate", "0.03",
            "--content-filter-rate", "0.02",
            "--retry-header-form", "cycle");

    @Test
    void aChaosRunReconcilesAndARerunAgainstAHealthyServerPublishesTheCleanRunsShards(@TempDir Path dir)
            throws IOException {
        List<String> chaosSettings = new ArrayList<>(PipelineRuns.REFERENCE);
        chaosSettings.add(simulatorArgs(CHAOS_FLAGS));
        // A slow reply outlasts the timeout and is asked again; at this small size a step may lose most of its few
        // items to refusals and cut-off replies: the chaos run must not stop on that.
        // A 429 may ask for minutes (x-ratelimit-reset-tokens: 6m0s); the cap on a server's wait keeps the run in the
        // suite's time, as a nightly with a deadline would set it. The header is still read: the cap says so.
        chaosSettings.addAll(List.of(
                "endpoints.sim.timeout-ms=1000", "endpoints.sim.max-wait-ms=500", "run.max-quarantined-share=1"));
        PipelineRuns.Run chaos = PipelineRuns.run(dir.resolve("out"), "../conf/local.yaml", array(chaosSettings));

        JsonNode faults = simulatorSaw(chaos.stdout()).path("faults");
        for (String kind : List.of("http500", "http503", "http429", "malformed_json", "truncated", "slow")) {
            assertTrue(faults.path(kind).asLong() > 0, "the simulator injected " + kind + ": " + faults);
        }
        Map<String, Long> failures = reasons(chaos.manifest());
        assertTrue(
                failures.getOrDefault("refused", 0L) + failures.getOrDefault("content_filtered", 0L) > 0,
                "the chaos run met refusals or content filters: " + failures);
        assertEquals(
                List.of(),
                PipelineRuns.unreconciled(chaos.manifest()),
                "every step: in = out + filtered + quarantined");
        assertTrue(chaos.manifest().at("/totals/reconciled").asBoolean(), "the manifest says it reconciles");

        PipelineRuns.Run rerun =
                PipelineRuns.run(dir.resolve("out"), "../conf/local.yaml", array(PipelineRuns.REFERENCE));
        JsonNode clean = PipelineRuns.reference().manifest();
        assertEquals(Map.of(), quarantined(rerun.manifest()), "nothing failed is replayed from the store");
        assertTrue(rerun.manifest().at("/totals/stored").asLong() > 0, "the rerun used what the chaos run stored");
        assertEquals(
                PipelineRuns.shards(clean),
                PipelineRuns.shards(rerun.manifest()),
                "the clean run's shards, byte for byte");
        assertEquals(
                clean.at("/totals/calls").asLong(),
                rerun.manifest().at("/totals/calls").asLong()
                        + rerun.manifest().at("/totals/stored").asLong(),
                "the rerun asked for what the clean run asked for: paid now or answered from the store");
    }

    static String simulatorArgs(List<String> flags) {
        return "simulator.args=["
                + String.join(", ", flags.stream().map(f -> "\"" + f + "\"").toList()) + "]";
    }

    static String[] array(List<String> settings) {
        return settings.toArray(String[]::new);
    }

    /** The simulator's own count of what it served, from the run summary's last lines. */
    static JsonNode simulatorSaw(String stdout) {
        String prefix = "simulator saw: ";
        return stdout.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> Json.read(l.substring(prefix.length()), JsonNode.class))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no 'simulator saw' line in:\n" + stdout));
    }

    /** Reasons of every filtered or quarantined item over all stages. */
    static Map<String, Long> reasons(JsonNode manifest) {
        Map<String, Long> all = new TreeMap<>();
        for (JsonNode stage : manifest.get("stages")) {
            for (JsonNode step : stage.get("steps")) {
                step.get("reasons")
                        .fields()
                        .forEachRemaining(
                                e -> all.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            }
        }
        return all;
    }

    static Map<String, Long> quarantined(JsonNode manifest) {
        Map<String, Long> all = new TreeMap<>();
        for (JsonNode stage : manifest.get("stages")) {
            for (JsonNode step : stage.get("steps")) {
                if (step.get("quarantined").asLong() > 0) {
                    all.put(
                            stage.get("stage").asText() + "/" + step.get("step").asText(),
                            step.get("quarantined").asLong());
                }
            }
        }
        return all;
    }
}

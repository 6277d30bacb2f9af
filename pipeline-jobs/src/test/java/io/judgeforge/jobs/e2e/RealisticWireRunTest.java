package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run against the simulator in its realistic mode: BOS and byte tokens on the scorer
 * (the sample references hold Chinese, Korean and an emoji), refusals, content filters and cut-off
 * replies. The failures are quarantined with their own reasons and never stored, so one rerun
 * against a healthy server publishes what a run that never met them publishes, shard for shard.
 * (The healthy server keeps the realistic tokenizer: a BOS tokenizer is another scorer, whose IFD
 * values, and so the selection, may differ from the plain simulator's.)
 */
@Tag("spark")
class RealisticWireRunTest {
    static final String QUOTA = "generate.quota=1";
    // Two partitions for these few items: the shards do not depend on it (ShardsForAnyPartitioningTest), the time does.
    static final String PARTITIONS = "spark.partitions=2";
    static final String CHAOS = "simulator.args=[--realism, --refusal-rate, \"0.05\", --content-filter-rate, \"0.03\","
            + " --fault-truncated, \"0.03\"]";
    static final String HEALTHY_REALISM =
            "simulator.args=[--realism, --refusal-rate, \"0\", --content-filter-rate, \"0\"]";

    @Test
    void aRerunAfterRefusalsFiltersAndCutOffRepliesPublishesWhatACleanRunDoes(@TempDir Path dir) throws IOException {
        // At this small size a step can lose most of its few items: the chaos run must not stop on that.
        PipelineRuns.Run chaos = PipelineRuns.run(
                dir.resolve("out"), "../conf/local.yaml", QUOTA, PARTITIONS, CHAOS, "run.max-quarantined-share=1");
        Map<String, Long> failures = reasons(chaos.manifest());
        assertTrue(
                failures.getOrDefault("refused", 0L) > 0
                        && failures.getOrDefault("content_filtered", 0L) > 0
                        && failures.getOrDefault("truncated", 0L) > 0,
                "the realistic run met every kind: " + failures);

        PipelineRuns.Run rerun =
                PipelineRuns.run(dir.resolve("out"), "../conf/local.yaml", QUOTA, PARTITIONS, HEALTHY_REALISM);
        PipelineRuns.Run clean =
                PipelineRuns.run(dir.resolve("clean"), "../conf/local.yaml", QUOTA, PARTITIONS, HEALTHY_REALISM);

        assertEquals(Map.of(), quarantined(rerun.manifest()), "nothing failed is replayed from the store");
        assertTrue(rerun.manifest().at("/totals/stored").asLong() > 0, "the rerun used what the first run stored");
        assertEquals(
                clean.manifest().at("/sets/judge/records").asLong(),
                rerun.manifest().at("/sets/judge/records").asLong(),
                "judge records after the rerun, against a run that never met a failure");
        assertTrue(clean.manifest().at("/sets/judge/records").asLong() > 0);
        assertEquals(
                PipelineRuns.shards(clean.manifest()),
                PipelineRuns.shards(rerun.manifest()),
                "the same shards, byte for byte");
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

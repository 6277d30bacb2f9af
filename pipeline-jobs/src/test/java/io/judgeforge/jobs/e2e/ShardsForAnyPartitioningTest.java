package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published shards are the same, byte for byte, however the run was partitioned and however its
 * teacher calls were made: here 8 teacher partitions and 4 shuffle partitions, every call online,
 * against 3 and 1 with the classify and judge stages' calls sent through the simulator's batch API
 * (OpenAI's /v1/files and /v1/batches; judge's pairs need a second pass for the swapped order), with its first batch expiring half done and some lines failing with a
 * 500, so the run has to resubmit. Shards are small enough that every set spans several. (The test
 * JVM's master is fixed at local[2]; the cores a run has change its partitions' timing, not what
 * they hold, and the shards follow the records' total order alone.)
 */
@Tag("spark")
class ShardsForAnyPartitioningTest {
    private static final double INPUT_PRICE = 2.0;
    private static final double OUTPUT_PRICE = 8.0;

    @Test
    void otherPartitionsAndBatchCallsGiveTheSameShards(@TempDir Path dir) throws IOException {
        // The reference run has conf/local.yaml's 8 partitions and 4 shuffle partitions, and calls online.
        PipelineRuns.Run wide = PipelineRuns.reference();
        PipelineRuns.Run narrow = PipelineRuns.run(
                dir.resolve("narrow"),
                "../conf/local.yaml",
                "generate.quota=1",
                "spark.partitions=3",
                "spark.shuffle-partitions=1",
                "export.shard-records=20",
                "batch.stages=[classify, judge]",
                "batch.poll-ms=1",
                "simulator.args=[--fault-batch-expire, --fault-batch-500, \"0.05\"]",
                "prices.sim-gpt-4={input: " + INPUT_PRICE + ", output: " + OUTPUT_PRICE + "}");
        Map<String, String> shards = PipelineRuns.shards(wide.manifest());
        assertTrue(
                shards.keySet().stream()
                                .filter(p -> p.startsWith("judge/train/"))
                                .count()
                        > 2,
                shards.keySet().toString());
        assertEquals(shards, PipelineRuns.shards(narrow.manifest()));

        // The batch API was used, both faults happened, and what they left was sent again.
        List<Path> batchFiles;
        try (Stream<Path> files = Files.walk(narrow.runDir())) {
            batchFiles = files.filter(p -> p.toString().contains("/batches/")).toList();
        }
        List<String> ended = read(batchFiles, ".done.json");
        assertTrue(ended.stream().anyMatch(b -> b.contains("\"status\":\"expired\"")), "a batch expired");
        assertTrue(
                ended.stream()
                                .filter(b -> b.contains("\"status\":\"completed\""))
                                .count()
                        >= 5,
                ended.toString());
        String errors = String.join("\n", read(batchFiles, ".errors.jsonl"));
        assertTrue(errors.contains("\"code\":\"batch_expired\""), "expired lines");
        assertTrue(errors.contains("\"status_code\":500"), "failed lines");
        assertTrue(batchFiles.stream().anyMatch(p -> p.toString().contains("/round-1/")), "a resubmission round");
        assertTrue(narrow.stdout().contains("resubmitting"), narrow.stdout());

        // Each stage made its calls as batch lines: the same tokens as the online run, at half the price.
        JsonNode onlineJudge = stage(wide.manifest(), "judge");
        JsonNode batchJudge = stage(narrow.manifest(), "judge");
        long prompt = sum(batchJudge, "prompt_tokens");
        long completion = sum(batchJudge, "completion_tokens");
        assertEquals(sum(onlineJudge, "prompt_tokens"), prompt);
        assertEquals(sum(onlineJudge, "completion_tokens"), completion);
        assertTrue(sum(batchJudge, "calls") >= sum(onlineJudge, "calls"), "the failed lines are calls too");
        double onlineCost = (prompt * INPUT_PRICE + completion * OUTPUT_PRICE) / 1_000_000.0;
        double batchCost = 0;
        for (JsonNode step : batchJudge.get("steps")) {
            batchCost += step.get("cost_usd").asDouble();
        }
        assertEquals(onlineCost * 0.5, batchCost, 1e-9, "the batch price");
        assertEquals(0, sum(stage(narrow.manifest(), "classify"), "quarantined"));
    }

    private static List<String> read(List<Path> files, String suffix) {
        return files.stream()
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
    }

    private static JsonNode stage(JsonNode manifest, String name) {
        for (JsonNode stage : manifest.get("stages")) {
            if (stage.get("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in the manifest");
    }

    private static long sum(JsonNode stage, String field) {
        long total = 0;
        for (JsonNode step : stage.get("steps")) {
            total += step.get(field).asLong();
        }
        return total;
    }
}

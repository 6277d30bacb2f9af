package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published shards are the same, byte for byte, however the run was partitioned: here 8 teacher
 * partitions and 4 shuffle partitions against 3 and 1, with shards small enough that every set
 * spans several. (The test JVM's master is fixed at local[2]; the cores a run has change its
 * partitions' timing, not what they hold, and the shards follow the records' total order alone.)
 */
@Tag("spark")
class ShardsForAnyPartitioningTest {
    @Test
    void otherPartitionsGiveTheSameShards(@TempDir Path dir) throws IOException {
        // The reference run has conf/local.yaml's 8 partitions and 4 shuffle partitions.
        PipelineRuns.Run wide = PipelineRuns.reference();
        PipelineRuns.Run narrow = PipelineRuns.run(
                dir.resolve("narrow"),
                "../conf/local.yaml",
                "generate.quota=1",
                "spark.partitions=3",
                "spark.shuffle-partitions=1",
                "export.shard-records=20");
        Map<String, String> shards = PipelineRuns.shards(wide.manifest());
        assertTrue(
                shards.keySet().stream()
                                .filter(p -> p.startsWith("judge/train/"))
                                .count()
                        > 2,
                shards.keySet().toString());
        assertEquals(shards, PipelineRuns.shards(narrow.manifest()));
    }
}

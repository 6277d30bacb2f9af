package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.stage.export.ShardDigest;
import io.judgeforge.stage.export.ShardInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * Writes one split of a fine-tuning set as JSONL shards of {@code export.shard-records} records each,
 * in an order that does not depend on partitioning, and describes them for the manifest.
 */
final class ExportShards {
    private ExportShards() {}

    /** The shards of {@code records} under {@code staging/<set>/<split>/}, as the manifest lists them. */
    static List<ShardInfo> write(PipelineContext ctx, Dataset<Row> records, String staging, String set, String split) {
        long count = records.count();
        if (count == 0) {
            return List.of();
        }
        int perShard = ctx.config().export().shardRecords();
        int shardCount = (int) Math.max(1, (count + perShard - 1) / perShard);
        String sparkDir = staging + "/_spark/" + set + "/" + split;
        inShards(ctx, records, perShard, shardCount)
                .write()
                .mode(SaveMode.ErrorIfExists)
                .option("maxRecordsPerFile", perShard)
                .json(sparkDir);
        List<ShardInfo> shards = new ArrayList<>();
        for (FileStatus f : ctx.files().list(sparkDir)) {
            if (!f.getPath().getName().startsWith("part-")) {
                continue;
            }
            String relative = ShardInfo.path(set, split, shards.size());
            ctx.files().rename(f.getPath().toString(), staging + "/" + relative);
            shards.add(describe(ctx, staging + "/" + relative, relative, set, split));
        }
        ctx.files().delete(staging + "/_spark");
        return shards;
    }

    /**
     * The records in total order (by id, then by the whole record), shard {@code k} holding ranks
     * {@code k * perShard} to {@code (k + 1) * perShard - 1}: the same shards, byte for byte, however
     * many partitions or cores the run had. (A round-robin repartition after the sort would depend on
     * the sort's own partitioning, which follows spark.partitions and the shuffle settings.)
     */
    static Dataset<Row> inShards(PipelineContext ctx, Dataset<Row> records, int perShard, int shardCount) {
        Column[] all = Arrays.stream(records.columns()).map(c -> col(c)).toArray(Column[]::new);
        // The same total order as orderBy(id, whole record): records of one id share a range partition. The
        // ranges are drawn on the id alone, so the record's JSON is made only to break a tie of ids while
        // sorting, not for every record in the sampling and partitioning passes.
        Dataset<Row> ordered =
                records.repartitionByRange(col("id")).sortWithinPartitions(col("id"), to_json(struct(all)));
        int width = records.schema().size();
        JavaRDD<Row> ranked = ordered.javaRDD()
                .zipWithIndex()
                .mapToPair(t -> new Tuple2<>((int) (t._2() / perShard), t))
                .partitionBy(new HashPartitioner(shardCount))
                .values()
                .map(t -> {
                    Object[] values = new Object[width + 1];
                    for (int i = 0; i < width; i++) {
                        values[i] = t._1().get(i);
                    }
                    values[width] = t._2();
                    return RowFactory.create(values);
                });
        return ctx.spark()
                .createDataFrame(ranked, records.schema().add("_rank", DataTypes.LongType))
                .sortWithinPartitions("_rank")
                .drop("_rank");
    }

    private static ShardInfo describe(PipelineContext ctx, String path, String relative, String set, String split) {
        try (InputStream in = ctx.files().open(path)) {
            return ShardDigest.read(in).info(relative, set, split);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read shard " + path, e);
        }
    }
}

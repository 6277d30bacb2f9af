package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.judgeforge.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The reference passages {@link PreviousRun} carries: those its carried instructions name. */
final class PreviousPassages {
    private PreviousPassages() {}

    /**
     * This run's passages and those of the earlier run that this run's references do not have: the
     * carried instructions name them. A passage id present in both with different text is a config
     * error (the references or the chunking changed), reported before any call.
     */
    static Dataset<Row> with(PipelineContext ctx, Dataset<Row> current) {
        String folder = PreviousRun.folder(ctx);
        if (folder == null) {
            return current;
        }
        String path = folder + "/" + GenerateJob.STAGE + "/passages";
        if (!ctx.files().exists(path)) {
            throw new ConfigException(
                    "generate.previous-run: " + folder + " keeps no passages (generate/passages); it was"
                            + " made by an older version, so its instructions cannot be carried over");
        }
        Dataset<Row> earlier = ctx.spark()
                .read()
                .parquet(path)
                .select(current.columns()[0], Arrays.copyOfRange(current.columns(), 1, current.columns().length));
        Dataset<Row> changed = earlier.join(
                        current.select(col("id").as("cid"), col("text").as("ctext")),
                        col("id").equalTo(col("cid")))
                .filter(col("text").notEqual(col("ctext")));
        List<Row> examples = changed.select("id").limit(3).collectAsList();
        if (!examples.isEmpty()) {
            throw new ConfigException(
                    "generate.previous-run: " + changed.count() + " passage(s) have the same id but other text"
                            + " than in " + folder + " (for example "
                            + examples.stream().map(r -> r.getString(0)).toList()
                            + "); keep inputs.references and the chunking of the earlier run, or start afresh");
        }
        return current.unionByName(
                earlier.join(current.select(col("id").as("cid")), col("id").equalTo(col("cid")), "left_anti"));
    }
}

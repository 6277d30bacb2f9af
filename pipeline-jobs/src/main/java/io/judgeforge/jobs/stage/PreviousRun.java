package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.config.ConfigException;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.RejectedRecord;
import io.judgeforge.stage.generate.Instruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * {@code generate.previous-run}: the generated instructions of an earlier run count toward this
 * run's quotas and are carried into its output, so a later run writes only the shortfall. Its call
 * numbering continues after the earlier run's, so no new call repeats an earlier request (which
 * the response store would answer with the same instructions). The passages the carried instructions
 * name are {@link PreviousPassages}; the call numbering is {@link PreviousCalls}.
 */
final class PreviousRun {
    private PreviousRun() {}

    /** The earlier run's folder, or null when none is configured: a run id under OUT/runs, or a URI. */
    static String folder(PipelineContext ctx) {
        String previous = ctx.config().generate().previousRun();
        if (previous.isBlank()) {
            return null;
        }
        String folder = previous.contains("/")
                ? previous.replaceAll("/+$", "")
                : ctx.layout().runs() + "/" + previous;
        if (folder.equals(ctx.layout().run())) {
            throw new ConfigException("generate.previous-run names this run itself (" + previous + ")");
        }
        if (!ctx.files().exists(folder + "/" + GenerateJob.STAGE + "/records")) {
            throw new ConfigException("generate.previous-run: no generated instructions at " + folder + "/"
                    + GenerateJob.STAGE + "/records (give the id of a run under "
                    + ctx.layout().runs() + " or a run folder's URI)");
        }
        return folder;
    }

    /** The step {@code previous-run}, or null: every generated instruction the earlier run kept. */
    static StepOutput instructions(PipelineContext ctx) {
        String folder = folder(ctx);
        if (folder == null) {
            return null;
        }
        Dataset<Row> earlier = ctx.spark()
                .read()
                .parquet(folder + "/" + GenerateJob.STAGE + "/records")
                .filter(col("method").notEqual(lit(ImportedInstructions.METHOD)));
        // A field the earlier version did not write (such as reference_answer) is null, as it would have been.
        List<String> present = Arrays.asList(earlier.columns());
        List<Column> columns = new ArrayList<>();
        for (StructField f : RecordCodec.of(Instruction.class).schema().fields()) {
            columns.add(
                    present.contains(f.name())
                            ? col(f.name())
                            : lit(null).cast(f.dataType()).as(f.name()));
        }
        Dataset<Row> carried = earlier.select(columns.toArray(Column[]::new)).cache();
        long n = carried.count();
        ctx.progress().say("[generate] carried over " + n + " generated instructions from " + folder);
        Dataset<Row> none = ctx.spark()
                .createDataFrame(
                        List.<Row>of(), RecordCodec.of(RejectedRecord.class).schema());
        return new StepOutput(carried, none, StepCounts.ofFilter("previous-run", n, n, none));
    }
}

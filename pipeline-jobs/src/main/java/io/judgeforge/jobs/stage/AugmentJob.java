package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.augment.Augmentations;
import io.judgeforge.stage.augment.Augmentations.Operation;
import io.judgeforge.stage.augment.JudgmentAugmenter;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import io.judgeforge.stage.augment.ParaphraseFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Stage augment: custom-prompt augmentation (paper section 8.2) of the selected pointwise judgments,
 * with no teacher call. One step per operation of {@link Augmentations}: the records its seeded share
 * takes are its input, and each makes a derived record (carrying its source's id and IFD) or is
 * filtered with the reason it could not. The down-sampling regression is fitted first, on the same
 * records ({@link AugmentRegression}).
 */
public final class AugmentJob {
    public static final String STAGE = "augment";

    private AugmentJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig.Augment settings = ctx.config().augment();
        long seed = ctx.config().run().seed();
        Dataset<Row> selected = ctx.spark()
                .read()
                .parquet(ctx.layout().records(SelectJob.STAGE))
                .select(col("judgment_id"), col("ifd"));
        Dataset<Row> judgments = ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE));
        Dataset<Row> pointwise = judgments
                .join(selected, judgments.col("id").equalTo(selected.col("judgment_id")))
                .filter(col("mode").notEqual("pairwise"))
                .cache();
        Augmentations augmentations = new Augmentations(
                settings,
                seed,
                new JudgmentAugmenter(
                        ctx.catalog(),
                        seed,
                        ctx.config().judge().minScore(),
                        ctx.config().judge().maxScore()),
                paraphrases(ctx, settings),
                AugmentRegression.fit(ctx, pointwise, settings, seed));
        List<StepOutput> steps = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            Column taken = udf((UDF1<String, Boolean>) id -> augmentations.takes(operation, id), DataTypes.BooleanType)
                    .apply(col("id"));
            steps.add(AugmentStep.apply(pointwise.filter(taken), operation, augmentations));
        }
        Dataset<Row> records = steps.stream()
                .map(StepOutput::records)
                .reduce(Dataset::unionByName)
                .orElseThrow();
        return StageOutputs.write(ctx, STAGE, records, steps, start);
    }

    private static Map<String, List<Paraphrase>> paraphrases(PipelineContext ctx, PipelineConfig.Augment settings) {
        if (settings.paraphrase() == 0) {
            return Map.of();
        }
        String file = HadoopFiles.resolve(ctx.configDir(), settings.paraphrases());
        return ParaphraseFile.parse(ctx.files().readText(file), file);
    }
}

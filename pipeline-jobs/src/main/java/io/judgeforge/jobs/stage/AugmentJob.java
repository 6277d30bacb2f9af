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
import java.util.Arrays;
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
        // The regression reads only the scores: the judgments' texts are joined for the records an operation
        // takes (a share of each, drawn from the id alone), not for every selected record.
        Dataset<Row> scores = pointwise(
                        judgments.select(col("id"), col("mode"), col("score"), col("point_scores")), selected)
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
                AugmentRegression.fit(ctx, scores, settings, seed));
        Column takenByAny = udf(
                        (UDF1<String, Boolean>) id -> Arrays.stream(Operation.values())
                                .anyMatch(operation -> augmentations.takes(operation, id)),
                        DataTypes.BooleanType)
                .apply(col("id"));
        Dataset<Row> chosen = pointwise(judgments.filter(takenByAny), selected).cache();
        List<StepOutput> steps = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            Column taken = udf((UDF1<String, Boolean>) id -> augmentations.takes(operation, id), DataTypes.BooleanType)
                    .apply(col("id"));
            steps.add(AugmentStep.apply(chosen.filter(taken), operation, augmentations));
        }
        Dataset<Row> records = steps.stream()
                .map(StepOutput::records)
                .reduce(Dataset::unionByName)
                .orElseThrow();
        return StageOutputs.write(ctx, STAGE, records, steps, start);
    }

    /** The selected pointwise judgments among {@code judgments}, with their IFD. */
    private static Dataset<Row> pointwise(Dataset<Row> judgments, Dataset<Row> selected) {
        return judgments
                .join(selected, judgments.col("id").equalTo(selected.col("judgment_id")))
                .filter(col("mode").notEqual("pairwise"));
    }

    private static Map<String, List<Paraphrase>> paraphrases(PipelineContext ctx, PipelineConfig.Augment settings) {
        if (settings.paraphrase() == 0) {
            return Map.of();
        }
        String file = HadoopFiles.resolve(ctx.configDir(), settings.paraphrases());
        return ParaphraseFile.parse(ctx.files().readText(file), file);
    }
}

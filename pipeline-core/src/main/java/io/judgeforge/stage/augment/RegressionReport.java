package io.judgeforge.stage.augment;

import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import java.util.List;

/**
 * What {@code augment/_regression.json} says about the down-sampling regression (overall score from
 * the mean, min and max of the point scores): the records it was fitted and measured on, and either
 * its coefficients and held-out MAE or why it is the plain mean of the points. Null fields are left
 * out of the file.
 */
public record RegressionReport(
        List<String> features,
        long trainRecords,
        long heldoutRecords,
        String model,
        Double intercept,
        List<Double> coefficients,
        Double heldoutMae) {
    /** The regression's features, in the order of {@link Regression}'s weights. */
    public static final List<String> FEATURES = List.of("mean", "min", "max");
    /** Fewer training records than this and no regression is fitted. */
    public static final long MIN_TRAIN_RECORDS = 10;

    public static boolean canFit(long trainRecords) {
        return trainRecords >= MIN_TRAIN_RECORDS;
    }

    /** Too few records to fit: the overall score is predicted as the mean of the points. */
    public static RegressionReport meanOfPoints(long trainRecords, long heldoutRecords) {
        return new RegressionReport(
                FEATURES,
                trainRecords,
                heldoutRecords,
                "mean of the point scores (too few records to fit: " + trainRecords + ")",
                null,
                null,
                null);
    }

    /** A fitted regression; {@code heldoutMae} is null when no record was held out. */
    public static RegressionReport fitted(
            long trainRecords, long heldoutRecords, double intercept, double[] weights, Double heldoutMae) {
        return new RegressionReport(
                FEATURES,
                trainRecords,
                heldoutRecords,
                "linear regression (Spark MLlib)",
                intercept,
                List.of(weights[0], weights[1], weights[2]),
                heldoutMae);
    }

    /** The regression this report describes. */
    public Regression regression() {
        return intercept == null
                ? new Regression(0, 1, 0, 0)
                : new Regression(intercept, coefficients.get(0), coefficients.get(1), coefficients.get(2));
    }
}

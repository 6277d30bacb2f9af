package io.judgeforge.stage.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.json.Json;
import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionReportTest {
    @Test
    void tooFewRecordsMeanThePlainMeanOfThePoints() {
        assertFalse(RegressionReport.canFit(9));
        RegressionReport report = RegressionReport.meanOfPoints(9, 2);
        assertEquals(new Regression(0, 1, 0, 0), report.regression());
        assertEquals(3.0, report.regression().predict(List.of(2, 3, 4)));
        assertEquals(
                "{\"features\":[\"mean\",\"min\",\"max\"],\"train_records\":9,\"heldout_records\":2,"
                        + "\"model\":\"mean of the point scores (too few records to fit: 9)\"}",
                Json.write(report));
    }

    @Test
    void aFittedRegressionPredictsWithItsCoefficientsInTheFeaturesOrder() {
        assertTrue(RegressionReport.canFit(10));
        RegressionReport report = RegressionReport.fitted(400, 100, 0.5, new double[] {0.8, 0.1, 0.05}, 0.214);
        assertEquals(new Regression(0.5, 0.8, 0.1, 0.05), report.regression());
        assertEquals(
                "{\"features\":[\"mean\",\"min\",\"max\"],\"train_records\":400,\"heldout_records\":100,"
                        + "\"model\":\"linear regression (Spark MLlib)\",\"intercept\":0.5,\"coefficients\":[0.8,0.1,0.05],"
                        + "\"heldout_mae\":0.214}",
                Json.write(report));
        assertFalse(Json.write(RegressionReport.fitted(400, 0, 0.5, new double[] {0.8, 0.1, 0.05}, null))
                .contains("heldout_mae"));
    }
}

package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.stage.classify.CategoryMapping;
import io.judgeforge.stage.classify.LabelAgreement;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The classify stage's agreement with a benchmark's own category labels: the labels (id,
 * benchmark, category, subcategory) are joined to the run's classify records of the imported
 * instructions ({@code imp-<id>}); an item without a classify record (filtered or quarantined on
 * the way) counts as missing, so as wrong. Only per-label counts reach the driver.
 */
public final class ClassifierAgreement {
    private ClassifierAgreement() {}

    /** {@code classifyRecords}: a run's classify/records; {@code mappings} by benchmark name. */
    public static Map<String, LabelAgreement.Result> measure(
            Dataset<Row> classifyRecords, Dataset<Row> labels, Map<String, CategoryMapping> mappings) {
        Dataset<Row> classified = classifyRecords.select(col("id").as("classified_id"), col("predicted_scenario"));
        Dataset<Row> counts = labels.join(
                        classified,
                        concat(lit(ImportedInstructions.ID_PREFIX), col("id")).equalTo(col("classified_id")),
                        "left")
                .groupBy("benchmark", "category", "subcategory", "predicted_scenario")
                .count()
                .orderBy("benchmark", "category", "subcategory", "predicted_scenario");
        Map<String, LabelAgreement> tallies = new TreeMap<>();
        for (Row r : counts.collectAsList()) {
            String benchmark = r.getString(0);
            CategoryMapping mapping = mappings.get(benchmark);
            if (mapping == null) {
                throw new IllegalArgumentException("No category mapping for benchmark '" + benchmark + "'");
            }
            var accepted = mapping.accepted(r.getString(1), r.isNullAt(2) ? null : r.getString(2));
            LabelAgreement tally = tallies.computeIfAbsent(benchmark, b -> new LabelAgreement());
            for (long i = 0; i < r.getLong(4); i++) {
                tally.add(r.getString(1), accepted, r.isNullAt(3) ? null : r.getString(3));
            }
        }
        Map<String, LabelAgreement.Result> results = new TreeMap<>();
        tallies.forEach((b, t) -> results.put(b, t.result()));
        return results;
    }
}

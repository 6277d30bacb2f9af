package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.jobs.spark.InputTable;
import io.judgeforge.stage.RejectReason;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The row checks of the generate stage's {@code import} step ({@link ImportedInstructions}): a row the
 * reader could not parse, one with a field of the wrong type (a number or an array where a string is expected),
 * one without an id or text, one with a scenario the catalog does not have, and
 * of the usable rows that share an id all but the first, each get their reason in column {@code reason}.
 * They mirror the core's ReferenceChecks but are not the same rule: a scenario is checked, ids are
 * trimmed, ties rank by scenario and a duplicate's detail is the unusable-row text.
 */
final class ImportedInstructionChecks {
    private ImportedInstructionChecks() {}

    /** The rows of {@code raw}, scenario trimmed (blank is null), with column {@code reason} (null where kept). */
    static Dataset<Row> checked(Dataset<Row> raw, List<String> scenarios) {
        Column blankScenario = col("scenario").isNull().or(trim(col("scenario")).equalTo(""));
        return raw.withColumn(
                        "scenario",
                        when(blankScenario, lit(null).cast("string")).otherwise(trim(col("scenario"))))
                .withColumn(
                        "reason",
                        when(col(InputTable.CORRUPT).isNotNull(), lit(RejectReason.MALFORMED_JSON.code()))
                                .when(col(InputTable.WRONG_TYPE).isNotNull(), lit(RejectReason.WRONG_TYPE.code()))
                                .when(
                                        col("id").isNull().or(trim(col("id")).equalTo("")),
                                        lit(RejectReason.MISSING_ID.code()))
                                .when(
                                        col("text")
                                                .isNull()
                                                .or(trim(col("text")).equalTo("")),
                                        lit(RejectReason.MISSING_TEXT.code()))
                                .when(
                                        col("scenario")
                                                .isNotNull()
                                                .and(col("scenario")
                                                        .isin(scenarios.toArray())
                                                        .unary_$bang()),
                                        lit(RejectReason.UNKNOWN_SCENARIO.code())))
                // Of usable rows sharing an id the first by text is kept, whatever the partitioning.
                .withColumn(
                        "id_rank",
                        row_number()
                                .over(Window.partitionBy(
                                                trim(col("id")), col("reason").isNull())
                                        .orderBy(col("text"), col("scenario"))))
                .withColumn(
                        "reason",
                        coalesce(col("reason"), when(col("id_rank").gt(1), lit(RejectReason.DUPLICATE_ID.code()))));
    }

    /** The detail of a rejected row's reason. */
    static Column detail() {
        return when(
                        col("reason").equalTo(RejectReason.UNKNOWN_SCENARIO.code()),
                        concat(lit("not a catalog scenario: "), col("scenario")))
                .when(col("reason").equalTo(RejectReason.WRONG_TYPE.code()), col(InputTable.WRONG_TYPE))
                .otherwise(lit("an inputs.instructions row is unusable"));
    }
}

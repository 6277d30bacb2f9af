package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.jobs.spark.InputTable;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.generate.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * The generate stage's {@code import} step: instructions from outside ({@code inputs.instructions})
 * become Instruction records with method {@code imported} and the id {@code imp-<their id>} (an
 * optional {@code reference} column becomes the reference answer for reference-guided grading), so they
 * can never collide with generated ids. A row without an id or text, with a scenario the catalog
 * does not have, or repeating an earlier row's id is quarantined with that reason.
 */
final class ImportedInstructions {
    static final String METHOD = "imported";
    static final String ID_PREFIX = RecordIds.IMPORTED_INSTRUCTION_PREFIX;
    private static final InputTable TABLE = new InputTable(
            "instructions", "inputs.instructions-format", List.of("id", "text"), List.of("scenario", "reference"));

    private ImportedInstructions() {}

    /** The step, or null when the run imports nothing. */
    static StepOutput read(PipelineContext ctx) {
        String path = ctx.instructionsPath();
        if (path == null) {
            return null;
        }
        Dataset<Row> raw = raw(ctx, path).cache();
        List<String> scenarios =
                ctx.catalog().scenarios().stream().map(s -> s.id()).toList();
        Dataset<Row> checked = ImportedInstructionChecks.checked(raw, scenarios).cache();
        Dataset<Row> rejects = RejectRows.of(
                checked.filter(col("reason").isNotNull()),
                GenerateJob.STAGE,
                "import",
                ItemStatus.QUARANTINED,
                col("id"),
                col("scenario"),
                col("reason"),
                ImportedInstructionChecks.detail(),
                coalesce(col(InputTable.CORRUPT), rowJson()));
        Dataset<Row> instructions = asInstructions(checked.filter(col("reason").isNull()));
        long in = checked.count();
        long out = instructions.count();
        ctx.progress().say("[generate] imported " + out + " of " + in + " instructions from " + path);
        return new StepOutput(instructions, rejects, StepCounts.ofFilter("import", in, out, rejects));
    }

    /** An imported row's content as JSON: what a reject shows as its input, and what a refresh hashes. */
    static Column rowJson() {
        return to_json(struct(col("id"), col("text"), col("scenario"), col("reference")));
    }

    /** The rows of the instructions table at {@code path}, as read, before any check. */
    static Dataset<Row> raw(PipelineContext ctx, String path) {
        return TABLE.read(ctx.spark(), ctx.files(), path, ctx.config().inputs().instructionsFormat());
    }

    private static Dataset<Row> asInstructions(Dataset<Row> rows) {
        Map<String, Column> values = Map.of(
                "id", concat(lit(ID_PREFIX), trim(col("id"))),
                "scenario", col("scenario"),
                "intended_scenario", col("scenario"),
                "method", lit(METHOD),
                "text", trim(col("text")),
                "seed_example_ids", array(),
                "reference_answer", when(trim(col("reference")).notEqual(""), col("reference")));
        List<Column> columns = new ArrayList<>();
        for (StructField field : RecordCodec.of(Instruction.class).schema().fields()) {
            columns.add(values.getOrDefault(field.name(), lit(null))
                    .cast(field.dataType())
                    .as(field.name()));
        }
        return rows.select(columns.toArray(Column[]::new));
    }
}

package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.ReferenceReader;
import io.judgeforge.refresh.InputKind;
import io.judgeforge.stage.generate.SeedInstruction;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A run's inputs as an inventory: one row (kind, id, sha256) per reference row, imported
 * instruction and seed, hashed over the fields a record is made from. A refresh compares it with the
 * published version's to find what is new, changed or removed; rows without an id cannot be matched
 * and are always new work (where the checks quarantine them, with their reason).
 */
final class RefreshInputs {
    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("id", DataTypes.StringType)
            .add("sha256", DataTypes.StringType, false);

    private RefreshInputs() {}

    /** The reference rows as read (id, title, topic, text and the unreadable-line column). */
    static Dataset<Row> references(PipelineContext ctx) {
        return ReferenceReader.read(
                ctx.spark(),
                ctx.files(),
                ctx.referencesPath(),
                ctx.config().inputs().referencesFormat());
    }

    /** The imported instruction rows as read, or null when the run imports none. */
    static Dataset<Row> imports(PipelineContext ctx) {
        String path = ctx.instructionsPath();
        return path == null ? null : ImportedInstructions.raw(ctx, path);
    }

    static Column referenceHash() {
        return sha2(to_json(struct(col("id"), col("title"), col("topic"), col("text"))), 256);
    }

    static Column importHash() {
        return sha2(to_json(struct(col("id"), col("text"), col("scenario"), col("reference"))), 256);
    }

    /** The inventory of the inputs {@code ctx}'s config names. */
    static Dataset<Row> inventory(PipelineContext ctx) {
        Dataset<Row> all = references(ctx)
                .select(
                        lit(InputKind.REFERENCE.code()).as("kind"),
                        col("id"),
                        referenceHash().as("sha256"));
        Dataset<Row> imports = imports(ctx);
        if (imports != null) {
            all = all.unionByName(imports.select(
                    lit(InputKind.INSTRUCTION.code()).as("kind"),
                    col("id"),
                    importHash().as("sha256")));
        }
        // Seeds are a small file the driver has already read and checked.
        List<Row> seeds = ctx.seeds().stream()
                .map(s -> RowFactory.create(InputKind.SEED.code(), s.id(), seedHash(s)))
                .toList();
        return all.unionByName(ctx.spark().createDataFrame(seeds, SCHEMA)).distinct();
    }

    private static String seedHash(SeedInstruction seed) {
        return io.judgeforge.hash.Sha256.hex(seed.scenario() + "\n" + seed.text());
    }
}

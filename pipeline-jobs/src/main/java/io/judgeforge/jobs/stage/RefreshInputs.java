package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import io.judgeforge.jobs.spark.ReferenceReader;
import io.judgeforge.refresh.InputKind;
import io.judgeforge.stage.generate.SeedInstruction;
import java.util.List;
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

    /** The reference rows as read, each with the SHA-256 of its content ({@code sha256}). */
    static Dataset<Row> references(PipelineContext ctx) {
        return ReferenceReader.read(
                        ctx.spark(),
                        ctx.files(),
                        ctx.referencesPath(),
                        ctx.config().inputs().referencesFormat())
                .withColumn("sha256", sha2(ReferencesStep.rowJson(), 256));
    }

    /** The imported instruction rows as read, each with the SHA-256 of its content; null when the run imports none. */
    static Dataset<Row> imports(PipelineContext ctx) {
        String path = ctx.instructionsPath();
        return path == null
                ? null
                : ImportedInstructions.raw(ctx, path).withColumn("sha256", sha2(ImportedInstructions.rowJson(), 256));
    }

    /** The inventory of the inputs {@code ctx}'s config names. */
    static Dataset<Row> inventory(PipelineContext ctx) {
        return inventory(ctx, references(ctx), imports(ctx));
    }

    /** The inventory of rows already read by {@link #references} and {@link #imports} ({@code imports} may be null). */
    static Dataset<Row> inventory(PipelineContext ctx, Dataset<Row> references, Dataset<Row> imports) {
        Dataset<Row> all = references.select(lit(InputKind.REFERENCE.code()).as("kind"), col("id"), col("sha256"));
        if (imports != null) {
            all = all.unionByName(
                    imports.select(lit(InputKind.INSTRUCTION.code()).as("kind"), col("id"), col("sha256")));
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

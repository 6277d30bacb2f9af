package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.stage.generate.InstructionKey;
import io.judgeforge.stage.generate.InstructionOrigin;
import io.judgeforge.stage.generate.InstructionValidator;
import io.judgeforge.stage.generate.NearDuplicateRule;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Near-duplicate instructions: similar texts are found by MinHash LSH (Spark MLlib), and of those
 * {@link NearDuplicateRule} removes all but the first in keep order. Texts are normalised, cut into
 * word shingles, hashed into sparse vectors, and joined with themselves at a Jaccard distance of at
 * most {@code 1 - threshold}. Texts shorter than a shingle are left to the exact duplicate check.
 */
public final class NearDuplicates {
    private NearDuplicates() {}

    /**
     * For {@code instructions} with columns {@code origin} (an {@link InstructionOrigin} name), {@code id}
     * and {@code text}: the rows {@code (origin, id, detail)} of those NearDuplicateRule removes.
     */
    public static Dataset<Row> find(Dataset<Row> instructions, double threshold, int shingleWords, long seed) {
        FlatMapFunction<Row, Row> rule = r -> {
            InstructionKey item = key(r.getStruct(0));
            List<NearDuplicateRule.Similar> similar = r.<Row>getList(1).stream()
                    .map(s -> new NearDuplicateRule.Similar(key(s.getStruct(0)), s.getDouble(1)))
                    .toList();
            return NearDuplicateRule.check(item, similar).stream()
                    .map(rejection -> RowFactory.create(item.origin().name(), item.id(), rejection.detail()))
                    .iterator();
        };
        StructType schema = new StructType()
                .add("origin", DataTypes.StringType)
                .add("id", DataTypes.StringType)
                .add("detail", DataTypes.StringType);
        Dataset<Row> items =
                instructions.select(struct(col("origin"), col("id")).as("key"), col("text"));
        return similar(items, threshold, shingleWords, seed)
                .groupBy("key")
                .agg(collect_list(struct(col("similar_key"), col("distance"))).as("similar"))
                .flatMap(rule, Encoders.row(schema));
    }

    /**
     * For {@code items} with columns {@code key} (of any type) and {@code text}: the rows
     * {@code (key, similar_key, distance)}, in both orders, of every pair of distinct items found similar.
     */
    static Dataset<Row> similar(Dataset<Row> items, double threshold, int shingleWords, long seed) {
        Dataset<Row> normalized = items.select(
                col("key"),
                udf((UDF1<String, String>) InstructionValidator::normalized, DataTypes.StringType)
                        .apply(col("text"))
                        .as("norm"));
        Dataset<Row> words = new RegexTokenizer()
                .setInputCol("norm")
                .setOutputCol("words")
                .setPattern("\\s+")
                .transform(normalized);
        Dataset<Row> shingles = new NGram()
                .setN(shingleWords)
                .setInputCol("words")
                .setOutputCol("shingles")
                .transform(words)
                .filter(size(col("shingles")).gt(0));
        Dataset<Row> vectors = new HashingTF()
                .setInputCol("shingles")
                .setOutputCol("features")
                .setBinary(true)
                .setNumFeatures(1 << 20)
                .transform(shingles)
                .select("key", "features")
                .cache();
        MinHashLSHModel model = new MinHashLSH()
                .setNumHashTables(8)
                .setSeed(seed)
                .setInputCol("features")
                .setOutputCol("hashes")
                .fit(vectors);
        return model.approxSimilarityJoin(vectors, vectors, 1 - threshold, "distance")
                .filter(col("datasetA.key").notEqual(col("datasetB.key")))
                .select(col("datasetB.key").as("key"), col("datasetA.key").as("similar_key"), col("distance"));
    }

    private static InstructionKey key(Row originAndId) {
        return new InstructionKey(InstructionOrigin.valueOf(originAndId.getString(0)), originAndId.getString(1));
    }
}

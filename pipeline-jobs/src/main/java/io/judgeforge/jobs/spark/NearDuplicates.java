package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.stage.generate.InstructionValidator;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Near-duplicate texts by MinHash LSH (Spark MLlib): texts are normalised, cut into word shingles,
 * hashed into sparse vectors, and joined with themselves at a Jaccard distance of at most
 * {@code 1 - threshold}. Of every similar pair the one with the larger id is the duplicate, so the
 * result does not depend on partitioning. Texts shorter than a shingle are left to the exact
 * duplicate check.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * For {@code items} with columns {@code id} and {@code text}: the rows {@code (id, duplicate_of,
   * jaccard)} of the items to drop, each naming the smallest id it is near.
   */
  public static Dataset<Row> find(Dataset<Row> items, double threshold, int shingleWords, long seed) {
    Dataset<Row> normalized = items.select(col("id"),
        udf((UDF1<String, String>) InstructionValidator::normalized, DataTypes.StringType).apply(col("text")).as("norm"));
    Dataset<Row> words = new RegexTokenizer().setInputCol("norm").setOutputCol("words").setPattern("\\s+")
        .transform(normalized);
    Dataset<Row> shingles = new NGram().setN(shingleWords).setInputCol("words").setOutputCol("shingles").transform(words)
        .filter(size(col("shingles")).gt(0));
    Dataset<Row> vectors = new HashingTF().setInputCol("shingles").setOutputCol("features").setBinary(true)
        .setNumFeatures(1 << 20).transform(shingles).select("id", "features").cache();
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(8).setSeed(seed).setInputCol("features")
        .setOutputCol("hashes").fit(vectors);
    return model.approxSimilarityJoin(vectors, vectors, 1 - threshold, "distance")
        .filter(col("datasetA.id").lt(col("datasetB.id")))
        .groupBy(col("datasetB.id").as("id"))
        .agg(min(col("datasetA.id")).as("duplicate_of"), min(col("distance")).as("distance"))
        .select(col("id"), col("duplicate_of"), org.apache.spark.sql.functions.lit(1).minus(col("distance")).as("jaccard"));
  }
}

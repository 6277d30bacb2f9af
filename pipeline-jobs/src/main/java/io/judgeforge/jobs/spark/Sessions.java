package io.judgeforge.jobs.spark;

import io.judgeforge.config.PipelineConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the run's Spark session: spark-submit's master when there is one, else {@code spark.master} of the config. */
public final class Sessions {
  private Sessions() {}

  public static SparkSession create(PipelineConfig config) {
    SparkConf given = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("judgeforge " + config.run().name());
    String master = given.contains("spark.master") ? given.get("spark.master") : config.spark().master();
    builder.master(master);
    if (master.startsWith("local")) {
      builder.config("spark.ui.enabled", "false");
    }
    builder.config("spark.sql.shuffle.partitions", Integer.toString(config.spark().shufflePartitions()));
    SparkSession spark = builder.getOrCreate();
    spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(config.spark().shufflePartitions()));
    return spark;
  }
}

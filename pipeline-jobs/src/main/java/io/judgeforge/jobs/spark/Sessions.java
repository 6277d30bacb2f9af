package io.judgeforge.jobs.spark;

import io.judgeforge.config.PipelineConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the run's Spark session: spark-submit's master when there is one, else {@code spark.master} of the config. */
public final class Sessions {
    static final String HEARTBEAT = "spark.executor.heartbeatInterval";

    private Sessions() {}

    /**
     * How often executors report to the driver: their heartbeats carry the running tasks' accumulators, the live
     * progress line's figures. Half the line's interval, so each line has fresh figures, within 1 s (the driver's
     * load) and Spark's own 10 s.
     */
    static long heartbeatMs(long progressIntervalMs) {
        return Math.max(1_000, Math.min(10_000, progressIntervalMs / 2));
    }

    public static SparkSession create(PipelineConfig config) {
        SparkConf given = new SparkConf();
        SparkSession.Builder builder =
                SparkSession.builder().appName("judgeforge " + config.run().name());
        String master = given.contains("spark.master")
                ? given.get("spark.master")
                : config.spark().master();
        builder.master(master);
        if (master.startsWith("local")) {
            builder.config("spark.ui.enabled", "false");
            // One executor: waiting for a data-local slot gains nothing. With inputs on an HDFS whose
            // DataNode is this machine, delay scheduling stalled a stage for good (no task running and
            // none offered; HdfsStorageTest, MiniDFSCluster on loopback).
            builder.config("spark.locality.wait", "0");
        }
        builder.config(
                "spark.sql.shuffle.partitions", Integer.toString(config.spark().shufflePartitions()));
        if (!given.contains(HEARTBEAT) && !config.progress().style().equals("off")) {
            builder.config(HEARTBEAT, heartbeatMs(config.progress().intervalMs()) + "ms");
        }
        SparkSession spark = builder.getOrCreate();
        // A session that already ran (tests, notebooks) keeps its Hadoop configuration: give it this
        // run's spark.hadoop.* settings too, as a new session would have taken them.
        for (scala.Tuple2<String, String> kv : given.getAllWithPrefix("spark.hadoop.")) {
            spark.sparkContext().hadoopConfiguration().set(kv._1(), kv._2());
        }
        spark.conf()
                .set(
                        "spark.sql.shuffle.partitions",
                        Integer.toString(config.spark().shufflePartitions()));
        return spark;
    }
}

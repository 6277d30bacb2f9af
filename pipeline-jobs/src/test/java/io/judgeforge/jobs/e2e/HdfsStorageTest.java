package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.spark.HadoopResponseStore;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline and the response store on HDFS: a NameNode and a DataNode of Hadoop's
 * MiniDFSCluster, in this JVM, on loopback. Config, catalog, prompts, inputs, output and store are
 * all hdfs:// paths, and the run publishes the same shards as the same config on file://.
 */
@Tag("spark")
class HdfsStorageTest {
    static final String KEY = "cd" + "0".repeat(62);

    @TempDir
    static Path base;

    static MiniDFSCluster cluster;
    static String root;
    static FileSystem hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        // A file closes without waiting for the DataNode's report of its last block: otherwise every
        // small file (a claim, a stored response) waits 400 ms in the client's completeFile retry.
        conf.setInt("dfs.namenode.file.close.num-committed-allowed", 1);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void claimsAndPutsOnHdfs() throws Exception {
        String store = root + "/claims-store";
        // Eight claimers race for one key, each with a FileSystem of its own (as separate executors
        // would have): the NameNode lets exactly one create the claim file.
        int claimers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                Callable<Boolean> claim =
                        () -> openStore(store).claim(KEY, 60_000).won();
                results.add(pool.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertEquals(1, won, "one claimer wins");
        } finally {
            pool.shutdownNow();
        }
        ResponseStore a = openStore(store);
        a.release(KEY);
        assertTrue(a.claim(KEY, 60_000).won(), "released, then claimed again");
        assertFalse(openStore(store).claim(KEY, 60_000).won());

        a.put(new StoredResponse(KEY, "sim", "/chat/completions", "{}", "{\"first\":1}", "2026-12-06T00:00:00Z"));
        openStore(store)
                .put(new StoredResponse(
                        KEY, "sim", "/chat/completions", "{}", "{\"second\":2}", "2026-12-06T00:00:00Z"));
        assertEquals("{\"first\":1}", openStore(store).get(KEY).orElseThrow().response(), "the first response is kept");
        assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path(store + "/cd/" + KEY + ".json")));
    }

    private static ResponseStore openStore(String store) {
        Configuration conf = new Configuration();
        conf.setBoolean("fs.hdfs.impl.disable.cache", true);
        return HadoopResponseStore.factory(store, conf).open();
    }

    /**
     * A small run (one instruction per scenario, two answer models, no pairwise grading, one round, one
     * partition: fewer files to commit):
     * every store operation of these tests is a round trip to a server, so fewer calls keep them short.
     */
    static final List<String> SMALL = List.of(
            "generate.quota=1",
            "generate.max-rounds=1",
            "spark.partitions=1",
            "spark.shuffle-partitions=1",
            "judge.pairwise.pairs-per-instruction=0",
            "respond.pool=[{name: sim-6b, endpoint: sim, model: sim-6b, temperature: 0.8, max-tokens: 768},"
                    + " {name: sim-gpt-3.5, endpoint: sim, model: sim-gpt-3.5, temperature: 0.8, max-tokens: 768}]");

    private static Map<String, String> localShards;

    /** The shards of the small run on local files: made once per JVM, for both storage test classes. */
    static synchronized Map<String, String> localShards() throws Exception {
        if (localShards == null) {
            Path out = Files.createTempDirectory("judgeforge-storage-local");
            String conf =
                    Path.of("../conf/local.yaml").toAbsolutePath().normalize().toString();
            long start = System.nanoTime();
            localShards = PipelineRuns.shards(
                    PipelineRuns.run(out, conf, SMALL.toArray(String[]::new)).manifest());
            System.err.printf(
                    "[storage test] reference run on local files: %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return localShards;
    }

    static String[] small(String... more) {
        List<String> all = new ArrayList<>(SMALL);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * 1 to 2 minutes here (the HDFS run 47 to 91 s, the local reference run 23 to 37 s), so it runs
     * only when asked: {@code -Dstorage.runs=true} (docs/storage.md).
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "storage.runs", matches = "true")
    void aRunWithEverythingOnHdfsPublishesTheShardsOfTheSameRunOnLocalFiles() throws Exception {
        // Sessions.create sets spark.locality.wait=0 for local masters: without it a stage reading from
        // this HDFS stalled for good. A session that an earlier test class made without it is stopped,
        // so that this run gets a new one.
        org.apache.spark.sql.SparkSession.getDefaultSession().foreach(s -> {
            if (!"0".equals(s.sparkContext().getConf().get("spark.locality.wait", ""))) {
                s.stop();
            }
            return null;
        });
        Path confDir = Path.of("../conf").toAbsolutePath().normalize();
        hdfs.copyFromLocalFile(
                new org.apache.hadoop.fs.Path(confDir.toUri()), new org.apache.hadoop.fs.Path(root + "/conf"));

        JsonNode onHdfs = PipelineRuns.JSON.readTree(
                run(root + "/conf/local.yaml", root + "/out", small("store.path=" + root + "/store")));

        assertEquals(localShards(), PipelineRuns.shards(onHdfs));
        assertFalse(PipelineRuns.shards(onHdfs).isEmpty());
        assertTrue(hdfs.listStatus(new org.apache.hadoop.fs.Path(root + "/store")).length > 0, "the store is on HDFS");
    }

    /** Runs into {@code out} (a URI) and returns the published manifest's text. */
    static String run(String conf, String out, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--conf", conf, "--out", out));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        java.io.StringWriter stdout = new java.io.StringWriter();
        java.io.StringWriter stderr = new java.io.StringWriter();
        long start = System.nanoTime();
        int code = io.judgeforge.jobs.cli.Main.execute(
                args.toArray(String[]::new),
                new java.io.PrintWriter(stdout, true),
                new java.io.PrintWriter(stderr, true));
        assertEquals(0, code, "run failed:\n" + stdout + "\n" + stderr);
        System.err.printf("[storage test] run into %s: %.1f s%n", out, (System.nanoTime() - start) / 1e9);
        FileSystem fs = new org.apache.hadoop.fs.Path(out)
                .getFileSystem(io.judgeforge.jobs.spark.HadoopFiles.sparkConfiguration());
        String version = read(fs, out + "/datasets/LATEST").strip();
        return read(fs, out + "/datasets/" + version + "/manifest.json");
    }

    static String read(FileSystem fs, String path) throws java.io.IOException {
        try (var in = fs.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

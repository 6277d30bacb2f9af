package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.cli.Main;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.HadoopResponseStore;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline and the response store on S3A, against S3Proxy (an S3-compatible server from Maven
 * Central, on loopback, in a JVM of its own, SigV4 with fake credentials). Config, catalog, prompts,
 * inputs, output and store are all s3a:// paths; the S3A settings reach the run as
 * {@code spark.hadoop.fs.s3a.*} system properties, as spark-submit's --conf would pass them.
 */
@Tag("spark")
class S3AStorageTest {
    static final String KEY = "ef" + "0".repeat(62);
    static final String BUCKET = "s3a://judgeforge";

    @TempDir
    static Path base;

    static Process server;
    static final Map<String, String> S3A = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void startS3Proxy() throws Exception {
        Path jar = Path.of("target/test-servers/s3proxy.jar");
        assertTrue(Files.exists(jar), "s3proxy.jar is copied there by the build (generate-test-resources)");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.createDirectories(base.resolve("blobs/judgeforge"));
        Path props = base.resolve("s3proxy.properties");
        Files.writeString(
                props,
                String.join(
                                "\n",
                                "s3proxy.endpoint=http://127.0.0.1:" + port,
                                "s3proxy.authorization=aws-v2-or-v4",
                                "s3proxy.identity=judgeforge-test",
                                "s3proxy.credential=judgeforge-test-secret",
                                "jclouds.provider=filesystem",
                                "jclouds.filesystem.basedir=" + base.resolve("blobs"))
                        + "\n");
        server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        props.toString())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("s3proxy.log").toFile())
                .start();
        waitUntilUp(port);

        S3A.put("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        S3A.put("fs.s3a.endpoint.region", "us-east-1");
        S3A.put("fs.s3a.path.style.access", "true");
        S3A.put("fs.s3a.connection.ssl.enabled", "false");
        S3A.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        S3A.put("fs.s3a.access.key", "judgeforge-test");
        S3A.put("fs.s3a.secret.key", "judgeforge-test-secret");
        S3A.forEach((k, v) -> System.setProperty("spark.hadoop." + k, v));
    }

    private static void waitUntilUp(int port) throws Exception {
        for (int i = 0; i < 300; i++) {
            assertTrue(server.isAlive(), "s3proxy exited: " + Files.readString(base.resolve("s3proxy.log")));
            try {
                HttpURLConnection c = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("s3proxy did not start: " + Files.readString(base.resolve("s3proxy.log")));
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        S3A.keySet().forEach(k -> System.clearProperty("spark.hadoop." + k));
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    static FileSystem s3() throws Exception {
        return new org.apache.hadoop.fs.Path(BUCKET + "/").getFileSystem(HadoopFiles.sparkConfiguration());
    }

    @Test
    void claimsAndPutsOnS3() {
        String store = BUCKET + "/claims-store";
        ResponseStore a = HadoopResponseStore.factory(store, HadoopFiles.sparkConfiguration())
                .open();
        ResponseStore b = HadoopResponseStore.factory(store, HadoopFiles.sparkConfiguration())
                .open();
        assertTrue(a.claim(KEY, 60_000).won());
        assertFalse(b.claim(KEY, 60_000).won(), "a live claim excludes others");
        a.release(KEY);
        assertTrue(b.claim(KEY, 60_000).won(), "released, then claimed by another");
        a.put(new StoredResponse(KEY, "sim", "/chat/completions", "{}", "{\"first\":1}", "2026-12-06T00:00:00Z"));
        b.put(new StoredResponse(KEY, "sim", "/chat/completions", "{}", "{\"second\":2}", "2026-12-06T00:00:00Z"));
        assertEquals("{\"first\":1}", b.get(KEY).orElseThrow().response(), "a stored response is not overwritten");
    }

    /**
     * 1.5 to 3 minutes here (the S3 run alone 56 to 114 s: every Spark output commit is copies over
     * HTTP), so it runs only when asked: {@code -Dstorage.runs=true} (docs/storage.md).
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "storage.runs", matches = "true")
    void aRunOnS3PublishesByManifestAndResumesAnExportKilledBeforeItsManifest() throws Exception {
        Path confDir = Path.of("../conf").toAbsolutePath().normalize();
        FileSystem s3 = s3();
        s3.copyFromLocalFile(
                false,
                true,
                new org.apache.hadoop.fs.Path(confDir.toUri()),
                new org.apache.hadoop.fs.Path(BUCKET + "/conf"));
        String conf = BUCKET + "/conf/local.yaml";
        String out = BUCKET + "/out";
        String[] settings = HdfsStorageTest.small("store.path=" + BUCKET + "/store");

        JsonNode onS3 = PipelineRuns.JSON.readTree(HdfsStorageTest.run(conf, out, settings));
        assertEquals(HdfsStorageTest.localShards(), PipelineRuns.shards(onS3));
        assertFalse(PipelineRuns.shards(onS3).isEmpty());
        // Manifest commit: no staging folder was made (and so none copied) on the object store.
        String version = onS3.get("version").asText();
        assertTrue(Arrays.stream(s3.listStatus(new org.apache.hadoop.fs.Path(out + "/datasets")))
                .noneMatch(f -> f.getPath().getName().startsWith(".staging-")));
        assertTrue(s3.listStatus(new org.apache.hadoop.fs.Path(BUCKET + "/store")).length > 0, "the store is on S3");

        // An export killed after some shards, before its manifest: the version folder holds shards but no
        // manifest, and LATEST still names nothing. Resuming the run redoes export and publishes it.
        s3.delete(new org.apache.hadoop.fs.Path(out + "/datasets/" + version + "/manifest.json"), false);
        s3.delete(new org.apache.hadoop.fs.Path(out + "/datasets/LATEST"), false);
        String resumed = resume(conf, out, onS3.get("run_id").asText(), settings);
        assertTrue(resumed.contains("left without a manifest"), resumed);
        assertTrue(resumed.contains("[generate] committed by an earlier attempt"), resumed);
        JsonNode again =
                PipelineRuns.JSON.readTree(HdfsStorageTest.read(s3, out + "/datasets/" + version + "/manifest.json"));
        assertEquals(PipelineRuns.shards(onS3), PipelineRuns.shards(again));
        assertEquals(version, HdfsStorageTest.read(s3, out + "/datasets/LATEST").strip());
    }

    private static String resume(String conf, String out, String runId, String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "--conf", conf, "--out", out, "--run-id", runId));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code =
                Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, code, "resume failed:\n" + stdout + "\n" + stderr);
        return stdout + "\n" + stderr;
    }
}

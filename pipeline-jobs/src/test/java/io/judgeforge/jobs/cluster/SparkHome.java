package io.judgeforge.jobs.cluster;

import io.judgeforge.jobs.e2e.DriverProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Spark "distribution" assembled from the Maven jars this test runs with: its {@code jars/} holds
 * Spark and its dependencies as a distribution ships them, including the old OkHttp 3 and Okio 1
 * that real distributions carry, and none of Judgeforge's own classes or libraries: executors get
 * those only from the application jar that spark-submit hands them, as they would on a cluster.
 */
final class SparkHome {
    /** Libraries the application brings in its shaded jar; a Spark distribution does not have them. */
    private static final List<String> APPLICATION_ONLY = List.of(
            "pipeline-", "okhttp-4", "okio-3", "okio-jvm-", "kotlin-", "commons-csv-", "picocli-", "annotations-17");

    /** Variables a cluster's machines would not share with the submitting shell. */
    static final Set<String> NOT_ON_WORKERS = Set.of("JUDGEFORGE_TEST_SENTINEL_KEY");

    /**
     * Short-lived JVMs on a two-core machine: the client compiler alone and the serial collector
     * leave the cores to the work instead of to background compilation and GC threads.
     */
    static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    final Path home;
    final Path jars;

    private SparkHome(Path home) {
        this.home = home;
        this.jars = home.resolve("jars");
    }

    /** Assembles SPARK_HOME at {@code home}: the module's compile classpath but the application's own libraries, and {@code extras}. */
    static SparkHome assemble(Path home, List<Path> extras) throws IOException {
        SparkHome spark = new SparkHome(home);
        Files.createDirectories(spark.jars);
        // The module's compile classpath (Spark provided included), not this JVM's: no test library
        // (a Hadoop minicluster, an S3 SDK) may stand in for what a distribution lacks.
        String compileClasspath = Files.readString(
                        Path.of(StandaloneClusterIT.required("judgeforge.compile.classpath")))
                .strip();
        for (String entry : compileClasspath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (name.endsWith(".jar") && APPLICATION_ONLY.stream().noneMatch(name::startsWith)) {
                Files.createSymbolicLink(spark.jars.resolve(name), jar.toAbsolutePath());
            }
        }
        for (Path extra : extras) {
            Files.createSymbolicLink(spark.jars.resolve(extra.getFileName()), extra.toAbsolutePath());
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.copy(Path.of("../run-scripts/log4j2.properties"), conf.resolve("log4j2.properties"));
        return spark;
    }

    /**
     * Runs {@code org.apache.spark.deploy.SparkSubmit}, the class {@code bin/spark-submit} ends in, in
     * client mode against {@code master}, with {@code env} added to the submitting shell's environment
     * and {@code extraClasspath} (a Hadoop conf dir) before the jars. Returns the exit code; the output
     * goes to {@code log}.
     */
    int submit(
            String master,
            Path log,
            Map<String, String> env,
            List<String> submitArgs,
            Path applicationJar,
            List<String> appArgs,
            long timeoutSeconds,
            Path... extraClasspath)
            throws Exception {
        List<String> command = java("-Xmx1g", "org.apache.spark.deploy.SparkSubmit", extraClasspath);
        command.addAll(
                List.of("--master", master, "--deploy-mode", "client", "--class", "io.judgeforge.jobs.cli.Main"));
        command.addAll(submitArgs);
        command.add(applicationJar.toString());
        command.addAll(appArgs);
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(pb.environment());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("spark-submit did not finish in " + timeoutSeconds + " s; its log: " + log);
        }
        return p.exitValue();
    }

    /** A daemon of this distribution (a master, a worker), without the submitting shell's secrets. */
    Process daemon(Path log, String heap, String mainClass, String... args) throws IOException {
        List<String> command = java(heap, mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(pb.environment());
        NOT_ON_WORKERS.forEach(pb.environment()::remove);
        return pb.start();
    }

    private List<String> java(String heap, String mainClass, Path... extraClasspath) {
        List<String> command = DriverProcess.javaWithSparkFlags();
        command.add(heap);
        command.addAll(List.of(QUICK_JVM.split(" ")));
        command.add("-cp");
        StringBuilder classpath = new StringBuilder(home.resolve("conf").toString());
        for (Path extra : extraClasspath) {
            classpath.append(File.pathSeparator).append(extra);
        }
        classpath.append(File.pathSeparator).append(jars).append(File.separator).append('*');
        command.add(classpath.toString());
        command.add(mainClass);
        return command;
    }

    private void environment(Map<String, String> env) {
        env.put("SPARK_HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        // Spark's launcher library asks for it when it cannot find a build directory to read it from.
        env.put(
                "SPARK_SCALA_VERSION",
                scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1"));
    }
}

package io.judgeforge.jobs.e2e;

import io.judgeforge.jobs.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A {@code judgeforge} command in a JVM of its own, as a scheduler or spark-submit starts the driver:
 * it can be killed with SIGKILL, and two can run at once, each with its own SparkSession.
 */
public final class DriverProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final Thread reader;

    private DriverProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    log.append(line).append('\n');
                }
            } catch (IOException e) {
                // The driver was killed: its output ends here.
            }
        });
        reader.start();
    }

    /** {@code judgeforge ARGS} with this JVM's class path and the Java 17 flags Spark needs. */
    static DriverProcess start(List<String> args) throws IOException {
        List<String> command = javaWithSparkFlags();
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new DriverProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** This JDK's java with the Java 17 flags Spark's launcher scripts add (this test JVM was started with them). */
    public static List<String> javaWithSparkFlags() {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")
                        || a.startsWith("-XX:+IgnoreUnrecognized")
                        || a.startsWith("-Dio.netty")
                        || a.startsWith("-Djdk.reflect"))
                .toList());
        return command;
    }

    /** Waits until the driver printed a line that matches; false after the timeout or once it exited. */
    boolean awaitLine(Predicate<String> line, long timeoutSeconds) throws InterruptedException {
        return await(() -> log.toString().lines().anyMatch(line), timeoutSeconds);
    }

    /** Waits until {@code condition} holds while the driver runs; false after the timeout or once it exited. */
    boolean await(BooleanSupplier condition, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.getAsBoolean();
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        reader.join(10_000);
    }

    /** The exit code, once the driver ended within the timeout. */
    int exitCode(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the driver did not end in " + timeoutSeconds + " s:\n" + log);
        }
        reader.join(10_000);
        return process.exitValue();
    }

    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

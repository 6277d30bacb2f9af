package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.judgeforge.jobs.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in this JVM and reads what a run left behind. */
public final class PipelineRuns {
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(Path out, String stdout, String stderr) {
        String version() throws IOException {
            return Files.readString(out.resolve("datasets/LATEST")).strip();
        }

        Path dataset() throws IOException {
            return out.resolve("datasets").resolve(version());
        }

        JsonNode manifest() throws IOException {
            return JSON.readTree(dataset().resolve("manifest.json").toFile());
        }

        Path runDir() throws IOException {
            try (var runs = Files.list(out.resolve("runs"))) {
                return runs.sorted().reduce((a, b) -> b).orElseThrow();
            }
        }
    }

    private PipelineRuns() {}

    /** A manifest's shards: path to SHA-256. */
    public static java.util.Map<String, String> shards(JsonNode manifest) {
        java.util.Map<String, String> all = new java.util.TreeMap<>();
        manifest.get("shards")
                .forEach(s -> all.put(s.get("path").asText(), s.get("sha256").asText()));
        return all;
    }

    /**
     * A live progress line as a run writes it when its output is not a terminal: {@code [stage step] done/total items
     * % | req/s | tok/s | 429s | in flight | $ | ETA}.
     */
    public static final java.util.regex.Pattern LIVE_LINE = java.util.regex.Pattern.compile(
            "\\[[a-z]+ [a-z0-9-]+\\] [\\d,]+/[\\d,]+ items \\d+% \\| \\d+\\.\\d req/s \\| [\\d,]+ tok/s \\| 429s \\d+"
                    + " \\| in flight \\d+ \\| \\$[\\d.,]+ \\| ETA (\\?|\\d+:\\d\\d)");

    /**
     * The start of the last progress line of each teacher step of a manifest (the steps named {@code *-calls}):
     * {@code [stage step] in/in items 100% | }, every item of the step's committed item log. The accumulators told
     * the driver as much when no task was retried.
     */
    public static List<String> lastLines(JsonNode manifest) {
        List<String> lines = new ArrayList<>();
        for (JsonNode stage : manifest.get("stages")) {
            for (JsonNode step : stage.get("steps")) {
                if (step.get("step").asText().matches(".*calls(-\\d+)?")) {
                    long in = step.get("in").asLong();
                    lines.add(String.format(
                            java.util.Locale.US,
                            "[%s %s] %,d/%,d items 100%% | ",
                            stage.get("stage").asText(),
                            step.get("step").asText(),
                            in,
                            in));
                }
            }
        }
        return lines;
    }

    /** Those of {@code lastLines} that start no line of {@code console} ending with the time the step took. */
    public static List<String> missing(List<String> lastLines, String console) {
        return lastLines.stream()
                .filter(last ->
                        console.lines().noneMatch(l -> l.startsWith(last) && l.matches(".* \\| took \\d+:\\d\\d")))
                .toList();
    }

    /**
     * The steps of a manifest whose counts do not add up, as stage/step: in != out + filtered + quarantined, or
     * filtered + quarantined != the sum of the step's reasons.
     */
    static List<String> unreconciled(JsonNode manifest) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode stage : manifest.get("stages")) {
            for (JsonNode step : stage.get("steps")) {
                long in = step.get("in").asLong();
                long accounted = step.get("out").asLong()
                        + step.get("filtered").asLong()
                        + step.get("quarantined").asLong();
                long byReason = 0;
                for (JsonNode n : step.get("reasons")) {
                    byReason += n.asLong();
                }
                if (in != accounted
                        || byReason
                                != step.get("filtered").asLong()
                                        + step.get("quarantined").asLong()) {
                    wrong.add(
                            stage.get("stage").asText() + "/" + step.get("step").asText() + " " + step);
                }
            }
        }
        return wrong;
    }

    /**
     * The README's config at quota 1, in shards of 20 records: the run several tests compare against
     * (other partitions, a cassette replay, a driver killed and resumed). Made once per test JVM, under
     * target/, and only read by the tests that share it.
     */
    static final List<String> REFERENCE = List.of("generate.quota=1", "export.shard-records=20");

    private static Run reference;

    static synchronized Run reference() throws IOException {
        if (reference == null) {
            Path out = Path.of("target", "reference-run").toAbsolutePath();
            if (Files.exists(out)) {
                try (var old = Files.walk(out)) {
                    old.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            List<String> settings = new ArrayList<>(REFERENCE);
            // Where the build sets a sentinel key, the shared run sends it, and ApiKeyLeakTest searches this
            // run's outputs for it instead of making a run of its own. The key is in no request key or record.
            if (System.getenv(ApiKeyLeakTest.VARIABLE) != null) {
                settings.add("endpoints.sim.api-key-env=" + ApiKeyLeakTest.VARIABLE);
            }
            reference = command(
                    List.of("run", "--conf", "../conf/local.yaml", "--out", out.toString()),
                    settings.toArray(String[]::new));
        }
        return reference;
    }

    static Run run(Path out, String conf, String... overrides) {
        return command(List.of("run", "--conf", conf, "--out", out.toString()), fewPartitions(overrides));
    }

    /**
     * A test run's few items in 2 partitions rather than conf/local.yaml's 8 (about 8% faster per run),
     * unless the test sets its own: the shards do not depend on it (ShardsForAnyPartitioningTest), the
     * suite's time does. The reference run keeps the 8 it is compared as.
     */
    private static String[] fewPartitions(String... overrides) {
        List<String> settings = new ArrayList<>(List.of("spark.partitions=2"));
        settings.addAll(List.of(overrides));
        return settings.toArray(String[]::new);
    }

    /** One stage command (for example generate) into the run {@code runId}. */
    static Run stage(String stage, Path out, String runId, String conf, String... overrides) {
        return command(List.of(stage, "--conf", conf, "--out", out.toString(), "--run-id", runId), overrides);
    }

    private static Run command(List<String> command, String... overrides) {
        Path out = Path.of(command.get(command.indexOf("--out") + 1));
        List<String> args = new ArrayList<>(command);
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code =
                Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, code, "run failed:\n" + stdout + "\n" + stderr);
        return new Run(out, stdout.toString(), stderr.toString());
    }
}

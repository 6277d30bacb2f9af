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
            reference = run(out, "../conf/local.yaml", REFERENCE.toArray(String[]::new));
        }
        return reference;
    }

    static Run run(Path out, String conf, String... overrides) {
        return command(List.of("run", "--conf", conf, "--out", out.toString()), overrides);
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

package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.judgeforge.stage.RecordIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The nightly path end to end, as cron and the systemd timer run it: {@code run-scripts/nightly.sh}
 * with the built launcher, on a copy of the version the build's shared reference run published, over
 * inputs that changed since. It checks that the lock stops a second refresh and is taken over when its
 * holder died, that a refresh calls only for the new work, that a record leaves exactly when its source
 * is gone, that changes.json and CHANGELOG.md agree with the shards, that old versions are pruned, and
 * that a night with nothing new makes no run and no version. (Changed and removed imports:
 * ParentVersionSparkTest.)
 */
class NightlyRefreshIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "nightly-refresh").toAbsolutePath();

    private record Night(int code, String output) {}

    @Test
    void refreshesOnlyWhatIsNewAndKeepsTheChangelogRight() throws Exception {
        assumeFalse(
                Boolean.getBoolean("judgeforge.cluster.one-line-only"),
                "nightly.sh runs the Spark 4.0 launcher; it is tested once, on the 4.0 line");
        delete(WORK);
        Files.createDirectories(WORK);
        Path out = WORK.resolve("out");
        Path datasets = out.resolve("datasets");
        List<String> passages = Files.readAllLines(ROOT.resolve("conf/sample-data/references.jsonl"));

        // Night 1: the version the build's shared reference run published (the README config at quota 1),
        // copied with its runs and response store; made here when this test runs alone.
        Path reference = Path.of("target", "reference-run").toAbsolutePath();
        if (!Files.exists(reference.resolve("datasets/LATEST"))) {
            Night made = launcher(List.of(
                    "run",
                    "--conf",
                    ROOT.resolve("conf/local.yaml").toString(),
                    "--out",
                    reference.toString(),
                    "--set",
                    "generate.quota=1",
                    "--set",
                    "export.shard-records=20"));
            assertEquals(0, made.code(), made.output());
        }
        for (String part : List.of("runs", "datasets", "store")) {
            copy(reference.resolve(part), out.resolve(part));
        }
        String v1 = latest(out);
        JsonNode m1 = manifest(out, v1);
        Map<String, Map<String, JsonNode>> before = records(datasets.resolve(v1));
        Map<String, String> lineageBefore = lineage(datasets.resolve(v1));

        // The inputs of night 2: the first passage removed, the third changed, four new; three instructions to import.
        List<String> grown = new ArrayList<>(passages.subList(1, passages.size()));
        grown.set(1, changed(grown.get(1)));
        List<String> added = Files.readAllLines(Path.of("src/test/resources/refresh/new-passages.jsonl"));
        grown.addAll(added);
        writeInputs(grown, List.of(imported("a", "one"), imported("b", "two"), imported("c", "three")));

        // Another refresh holds the lock: the script exits 3 with one line naming it.
        Path lock = datasets.resolve(".refresh.lock");
        Files.writeString(lock, holder("4242@elsewhere", System.currentTimeMillis()));
        Night locked = night(out);
        assertEquals(3, locked.code(), locked.output());
        assertTrue(locked.output().contains("another refresh (4242@elsewhere"), locked.output());
        assertEquals(v1, latest(out));

        // Night 2: the lock's holder died ten minutes ago. Keep one version.
        Files.writeString(lock, holder("4242@elsewhere", System.currentTimeMillis() - 600_000));
        Night second = night(out, "--set", "refresh.keep-versions=1");
        assertEquals(0, second.code(), second.output());
        assertTrue(second.output().contains("took over the lock of 4242@elsewhere"), second.output());
        assertFalse(Files.exists(lock), "the lock is released");
        String v2 = latest(out);
        assertNotEquals(v1, v2);
        JsonNode m2 = manifest(out, v2);
        assertEquals(v1, m2.path("parent_version").asText());
        assertFalse(Files.exists(datasets.resolve(v1)), "keep-versions 1 pruned the parent");
        assertTrue(m2.path("totals").path("reconciled").asBoolean());
        JsonNode inputs = changes(out, v2).path("inputs");
        assertEquals("4 1 1 " + (passages.size() - 2), changeCounts(inputs.path("reference")));
        assertEquals("3 0 0 0", changeCounts(inputs.path("instruction")));

        // Only the new work was done: every instruction the refresh wrote comes from a new or changed input.
        Set<String> goneDocuments = Set.of(id(passages.get(0)), id(passages.get(2)));
        Set<String> freshSources = new java.util.HashSet<>(Set.of(id(grown.get(1)), "imp-a", "imp-b", "imp-c"));
        for (String passage : added) {
            freshSources.add(id(passage));
        }
        Map<String, String> written = new HashMap<>(lineage(datasets.resolve(v2)));
        written.keySet().removeAll(lineageBefore.keySet());
        assertFalse(written.isEmpty(), "the night wrote instructions from the new passages");
        written.forEach((instruction, source) ->
                assertTrue(freshSources.contains(source), instruction + " was written from an old input " + source));
        for (String imported : List.of("imp-a", "imp-b", "imp-c")) {
            written.put(imported, imported);
        }
        // No request of the old work was asked again: the store, which holds all of it, answered nothing.
        assertTrue(m2.path("totals").path("calls").asLong() > 0);
        assertEquals(0, m2.path("totals").path("stored").asLong());

        // changes.json agrees with the shards of the two versions, per set, split and scenario.
        Map<String, Map<String, JsonNode>> after = records(datasets.resolve(v2));
        JsonNode sets = changes(out, v2).path("sets");
        for (String set : List.of("judge", "classifier", "questioner")) {
            Map<String, JsonNode> was = before.get(set);
            Map<String, JsonNode> now = after.get(set);
            assertEquals(tally(now, was), counts(sets.path(set).path("added")), set + " added");
            assertEquals(tally(was, now), counts(sets.path(set).path("removed")), set + " removed");
            assertEquals(now.size(), sets.path(set).path("records").asLong());
            assertEquals(now.size(), m2.path("sets").path(set).path("records").asLong());
            // A record leaves exactly when its source input is gone; every new record comes from the refresh's work.
            for (JsonNode r : was.values()) {
                String source = set.equals("questioner")
                        ? RecordIds.documentOf(r.path("reference_id").asText())
                        : sourceOf(
                                r.path(set.equals("judge") ? "instruction_id" : "id")
                                        .asText(),
                                lineageBefore);
                assertEquals(
                        goneDocuments.contains(source), !now.containsKey(line(r)), set + " record " + r.path("id"));
            }
            for (JsonNode r : now.values()) {
                if (!was.containsKey(line(r)) && !set.equals("questioner")) {
                    String instruction = r.path(set.equals("judge") ? "instruction_id" : "id")
                            .asText();
                    assertTrue(written.containsKey(instruction), set + " record " + r.path("id") + " is not new work");
                }
            }
        }
        assertTrue(sets.path("judge").path("removed").size() > 0, "the removed inputs had judge records");
        String changelog = Files.readString(datasets.resolve(v2).resolve("CHANGELOG.md"));
        assertTrue(changelog.indexOf("## " + v2) < changelog.indexOf("## " + v1), changelog);

        // The same inputs again: nothing new, told before Spark starts; no run, no version, exit 0.
        long runs = count(out.resolve("runs"));
        Night again = night(out);
        assertEquals(runs, count(out.resolve("runs")));
        assertEquals(v2, latest(out));
        assertEquals(0, again.code(), again.output());
        assertTrue(again.output().contains("refresh: nothing new since version " + v2), again.output());
    }

    private static Night night(Path out, String... more) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ROOT.resolve("run-scripts/nightly.sh").toString(),
                ROOT.resolve("conf/local.yaml").toString(),
                out.toString(),
                "--set",
                "inputs.references=" + WORK.resolve("references.jsonl"),
                "--set",
                "inputs.instructions=" + WORK.resolve("imports.jsonl"),
                "--set",
                "generate.quota=1",
                "--set",
                "export.shard-records=20",
                // What this test is about is the refresh: the night's Spark work without the near-duplicate
                // join and the augmentation (both tested elsewhere) keeps it within the suite's time.
                "--set",
                "generate.near-duplicate-jaccard=0",
                "--set",
                "augment.paraphrase=0",
                "--set",
                "augment.downsample=0",
                "--set",
                "augment.rescale=0"));
        command.addAll(List.of(more));
        return start(command);
    }

    private static Night launcher(List<String> arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(ROOT.resolve("run-scripts/judgeforge").toString()));
        command.addAll(arguments);
        return start(command);
    }

    private static Night start(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JUDGEFORGE_JAVA_OPTS", "-Xmx2g");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        return new Night(p.exitValue(), output);
    }

    private static void writeInputs(List<String> passages, List<String> imports) throws IOException {
        Files.write(WORK.resolve("references.jsonl"), passages);
        Files.write(WORK.resolve("imports.jsonl"), imports);
    }

    private static String imported(String id, String words) throws IOException {
        return JSON.writeValueAsString(Map.of(
                "id", id, "text", "Explain in plain words what the number " + words + " means in everyday counting."));
    }

    private static String changed(String passage) throws IOException {
        Map<String, Object> row = JSON.readValue(passage, Map.class);
        row.put("text", row.get("text") + " A closing sentence added later changes this passage.");
        return JSON.writeValueAsString(row);
    }

    private static String id(String passage) throws IOException {
        return JSON.readTree(passage).path("id").asText();
    }

    private static String holder(String owner, long renewedAt) {
        return "{\"owner\":\"" + owner + "\",\"started_at\":\"2026-12-06T02:30:00Z\",\"renewed_at_ms\":" + renewedAt
                + "}";
    }

    private static String latest(Path out) throws IOException {
        return Files.readString(out.resolve("datasets/LATEST")).strip();
    }

    private static JsonNode manifest(Path out, String version) throws IOException {
        return JSON.readTree(out.resolve("datasets")
                .resolve(version)
                .resolve("manifest.json")
                .toFile());
    }

    private static JsonNode changes(Path out, String version) throws IOException {
        return JSON.readTree(
                out.resolve("datasets").resolve(version).resolve("changes.json").toFile());
    }

    private static String changeCounts(JsonNode c) {
        return c.path("added").asLong() + " " + c.path("changed").asLong() + " "
                + c.path("removed").asLong() + " " + c.path("unchanged").asLong();
    }

    /** Each instruction written from a passage, and the passage's document: the version's kept lineage. */
    private static Map<String, String> lineage(Path version) throws IOException {
        Map<String, String> lineage = new HashMap<>();
        try (Stream<Path> files = Files.walk(version.resolve("_refresh/lineage"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode row = JSON.readTree(line);
                    lineage.put(
                            row.path("instruction_id").asText(),
                            row.path("document_id").asText());
                }
            }
        }
        return lineage;
    }

    /** The input an instruction came from: its passage's document, or itself (imported, or a quiz without one). */
    private static String sourceOf(String instruction, Map<String, String> lineage) {
        return lineage.getOrDefault(instruction, instruction);
    }

    /**
     * Per set, its records by their whole line, read from the version's shards: a changed imported
     * instruction keeps its id, so its new records share ids with the old ones they replace.
     */
    private static Map<String, Map<String, JsonNode>> records(Path version) throws IOException {
        Map<String, Map<String, JsonNode>> sets = new HashMap<>();
        for (String set : List.of("judge", "classifier", "questioner")) {
            Map<String, JsonNode> byId = new HashMap<>();
            Path dir = version.resolve(set);
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                        for (String line : Files.readAllLines(f)) {
                            com.fasterxml.jackson.databind.node.ObjectNode r =
                                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
                            r.put("_line", line);
                            byId.put(line, r);
                        }
                    }
                }
            }
            sets.put(set, byId);
        }
        return sets;
    }

    private static String line(JsonNode record) {
        return record.path("_line").asText();
    }

    /** Records of {@code a} not in {@code b}, counted by split and scenario. */
    private static Map<String, Map<String, Long>> tally(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        Map<String, Map<String, Long>> t = new TreeMap<>();
        a.forEach((id, r) -> {
            if (!b.containsKey(id)) {
                t.computeIfAbsent(r.path("split").asText(), k -> new TreeMap<>())
                        .merge(r.path("scenario").asText(), 1L, Long::sum);
            }
        });
        return t;
    }

    private static Map<String, Map<String, Long>> counts(JsonNode bySplit) {
        Map<String, Map<String, Long>> t = new TreeMap<>();
        bySplit.fields()
                .forEachRemaining(split -> split.getValue()
                        .fields()
                        .forEachRemaining(s -> t.computeIfAbsent(split.getKey(), k -> new TreeMap<>())
                                .put(s.getKey(), s.getValue().asLong())));
        return t;
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}

package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.spark.HadoopTables;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The meta-eval command end to end: options, summary, reports, Hadoop paths and Parquet. The metric arithmetic and
 * the published figures are tested in pipeline-core; one PandaLM reproduction runs here through the command.
 */
class MetaEvalCommandTest {
    record Outcome(int code, String out, String err) {}

    @TempDir
    Path dir;

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MetaEvalCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesBothReportsAndPrintsASummary() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.csv"), """
        id,scenario,human
        1,Open QA,4
        2,Open QA,2
        3,Translation,5
        """);
        Path pred = Files.writeString(dir.resolve("pred.jsonl"), """
        {"id": 1, "pred_text": "Verdict: [[4]]"}
        {"id": 2, "pred_text": "Verdict: [[3]]"}
        {"id": 4, "pred_text": "Verdict: [[1]]"}
        """);
        Path out = dir.resolve("report");
        Outcome o = run(
                "--bench",
                bench.toString(),
                "--pred",
                pred.toString(),
                "--out",
                out.toString(),
                "--rating-format",
                "last",
                "--bootstrap",
                "100");
        assertEquals(0, o.code(), o.err());
        String printed = o.out().replace("\r\n", "\n");
        assertTrue(
                printed.startsWith(
                        "meta-eval (pointwise): 3 items, 1 missing (scored as wrong), 1 unmatched predictions,"
                                + " 2 scenarios\noverall: mae 1.6667, agr_2_2 0.4167, accuracy 0.3333, kappa "),
                printed);
        assertTrue(printed.contains("\nnormalised (mae,agr_2_2): "), printed);
        assertTrue(
                printed.endsWith("wrote " + out.resolve("report.json") + " and " + out.resolve("report.md") + "\n"),
                printed);

        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertEquals("pointwise", report.get("mode").asText());
        assertEquals("last", report.get("rating_format").asText());
        assertEquals(bench.toString(), report.get("bench").asText());
        assertEquals(pred.toString(), report.get("pred").asText());
        JsonNode overall = report.get("overall");
        assertEquals(
                List.of(
                        "n",
                        "missing",
                        "mae",
                        "agr_2_2",
                        "accuracy",
                        "kappa",
                        "macro_precision",
                        "macro_recall",
                        "macro_f1",
                        "pearson",
                        "spearman",
                        "kendall_tau_b",
                        "normalised",
                        "random",
                        "z",
                        "ci"),
                names(overall));
        assertEquals(100, report.get("bootstrap").get("resamples").asInt());
        assertEquals(2, overall.get("ci").get("mae").size());
        assertEquals(3, overall.get("n").asInt());
        assertEquals(1, overall.get("missing").asInt());
        // 1: exact; 2: off by one; 3: absent, worst error for human 5 on 1-5 is 4.
        assertEquals((0 + 1 + 4) / 3.0, overall.get("mae").asDouble());
        assertEquals((1 + 0.25) / 3, overall.get("agr_2_2").asDouble());
        assertEquals(1 / 3.0, overall.get("accuracy").asDouble());
        assertEquals(List.of("Open QA", "Translation"), names(report.get("by_scenario")));
        assertEquals(
                0.625, report.get("by_scenario").get("Open QA").get("agr_2_2").asDouble());
        assertEquals(
                1, report.get("by_scenario").get("Translation").get("missing").asInt());
        assertEquals(1, report.get("unmatched_predictions").asInt());
        assertTrue(report.get("rules").get("missing").asText().contains("max(human - 1, 5 - human)"));

        String md = Files.readString(out.resolve("report.md"));
        for (String expected : List.of(
                "# Meta-evaluation report",
                "| Open QA | 2 | 0 | 0.5000 | 0.6250 | 0.5000 |",
                "95% CI",
                "**MAE**",
                "**Agr(2,2)**",
                "**Accuracy**",
                "scored as wrong")) {
            assertTrue(md.contains(expected), () -> "missing '" + expected + "' in:\n" + md);
        }
    }

    @Test
    void aMissingBenchIsAUsageErrorWithExitCode2() {
        Outcome o = run("--pred", "pred.jsonl", "--out", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("Missing required option: '--bench=FILE'"), o.err());
    }

    @Test
    void badFiguresAndScalesAreOneLineErrors() throws IOException {
        Path bench = Files.writeString(dir.resolve("b.csv"), "id,human\n1,3\n");
        Path pred = Files.writeString(dir.resolve("p.csv"), "id,pred\n1,3\n");
        Outcome aggregate = run(
                "--bench",
                bench.toString(),
                "--pred",
                pred.toString(),
                "--out",
                dir.toString(),
                "--aggregate",
                "mae,f1");
        assertEquals(1, aggregate.code());
        assertTrue(
                aggregate.err().contains("Invalid value for '--aggregate': 'f1' (expected one of mae,agr_2_2,"),
                aggregate.err());
        Outcome macro = run(
                "--bench",
                bench.toString(),
                "--pred",
                pred.toString(),
                "--out",
                dir.toString(),
                "--aggregate",
                "macro_f1");
        assertTrue(macro.err().contains("'macro_f1' (expected figures with a random-guessing value:"), macro.err());
        Outcome scale = run(
                "--bench",
                bench.toString(),
                "--pred",
                pred.toString(),
                "--out",
                dir.toString(),
                "--pred-scale",
                "1 to 5");
        assertTrue(
                scale.err().contains("Invalid value for '--pred-scale': '1 to 5' (expected same, any or MIN-MAX"),
                scale.err());
    }

    /** A Parquet file as another tool would write it, with typed columns and a null scenario. */
    static void writeParquet(Path file, long[] ids, String[] scenarios, int[] labels, String labelColumn)
            throws IOException {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.INT64)
                .named("id")
                .optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named("scenario")
                .required(PrimitiveTypeName.INT32)
                .named(labelColumn)
                .named("row");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withType(schema)
                .withConf(new Configuration())
                .build()) {
            for (int i = 0; i < ids.length; i++) {
                Group g = groups.newGroup().append("id", ids[i]).append(labelColumn, labels[i]);
                if (scenarios[i] != null) {
                    g.append("scenario", scenarios[i]);
                }
                writer.write(g);
            }
        }
    }

    @Test
    void readsParquetFilesAndSparkStyleFolders() throws IOException {
        Path bench = dir.resolve("bench.parquet");
        writeParquet(bench, new long[] {1, 2, 3}, new String[] {"chat", null, "code"}, new int[] {1, 0, 2}, "human");
        Path folder = Files.createDirectories(dir.resolve("pred.parquet"));
        writeParquet(
                folder.resolve("part-00000.parquet"),
                new long[] {1, 2},
                new String[] {null, null},
                new int[] {1, 2},
                "pred");
        writeParquet(folder.resolve("part-00001.parquet"), new long[] {3}, new String[] {null}, new int[] {2}, "pred");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Path out = dir.resolve("report");
        Outcome o = run(
                "--bench",
                "file://" + bench,
                "--pred",
                folder.toString(),
                "--out",
                out.toString(),
                "--mode",
                "pairwise",
                "--bootstrap",
                "0");
        assertEquals(0, o.code(), o.err());
        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertEquals(3, report.get("overall").get("n").asInt());
        assertEquals(0, report.get("overall").get("missing").asInt());
        assertEquals(2 / 3.0, report.get("overall").get("accuracy").asDouble(), 1e-12);
        assertEquals(List.of("chat", "code"), names(report.get("by_scenario")));
        assertTrue(report.get("overall").get("ci") == null, "no intervals with --bootstrap 0");
    }

    @Test
    void aParquetFolderIsToldByItsFilesAndAFolderOfJsonLinesIsNotRead() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.csv"), "id,human\n1,1\n2,2\n");
        Path folder = Files.createDirectories(dir.resolve("predictions"));
        writeParquet(
                folder.resolve("part-00000.snappy.parquet"),
                new long[] {1, 2},
                new String[] {null, null},
                new int[] {1, 2},
                "pred");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Outcome o = run(
                "--bench",
                bench.toString(),
                "--pred",
                folder.toString(),
                "--out",
                dir.resolve("report").toString(),
                "--mode",
                "pairwise",
                "--bootstrap",
                "0");
        assertEquals(0, o.code(), o.err());
        assertEquals(
                1.0,
                Json.mapper()
                        .readTree(dir.resolve("report/report.json").toFile())
                        .get("overall")
                        .get("accuracy")
                        .asDouble());

        Path lines = Files.createDirectories(dir.resolve("pred.jsonl"));
        Files.writeString(lines.resolve("part-00000.json"), "{\"id\": 1, \"pred\": 1}\n");
        Outcome folderOfLines = run("--bench", bench.toString(), "--pred", lines.toString(), "--out", dir.toString());
        assertEquals(1, folderOfLines.code());
        assertTrue(
                folderOfLines
                        .err()
                        .contains("Unsupported predictions file format: " + lines + " (expected "
                                + HadoopTables.SUPPORTED + ")"),
                folderOfLines.err());
    }

    @Test
    void reproducesPandaLmThroughTheCommandFromParquet() throws IOException {
        Path pandalm = Path.of("../../shared/research-data/pandalm");
        Assumptions.assumeTrue(
                Files.exists(pandalm),
                "research data absent: " + pandalm.toAbsolutePath().normalize());
        JsonNode testset =
                Json.mapper().readTree(pandalm.resolve("testset-v1.json").toFile());
        JsonNode gpt = Json.mapper()
                .readTree(pandalm.resolve("gpt-3.5-turbo-testset-v1.json").toFile());
        int n = testset.size();
        long[] ids = new long[n];
        String[] scenarios = new String[n];
        int[] gold = new int[n];
        StringBuilder pred = new StringBuilder("id,pred\n");
        for (int i = 0; i < n; i++) {
            JsonNode item = testset.get(i);
            ids[i] = item.get("idx").asLong();
            scenarios[i] = item.get("cmp_key").asText();
            int[] votes = new int[3];
            for (String a : List.of("annotator1", "annotator2", "annotator3")) {
                votes[item.get(a).asInt()]++;
            }
            gold[i] = votes[0] >= 2 ? 0 : votes[1] >= 2 ? 1 : 2;
            String raw = gpt.get(i).get("gpt_result").asText();
            // PandaLM's metric script counts "Tie", "tie" and "garbage" as 0.
            pred.append(gpt.get(i).get("idx").asLong())
                    .append(',')
                    .append(List.of("Tie", "tie", "garbage").contains(raw) ? "0" : raw)
                    .append('\n');
        }
        Path bench = dir.resolve("pandalm.parquet");
        writeParquet(bench, ids, scenarios, gold, "human");
        Path out = dir.resolve("pandalm-report");
        Outcome o = run(
                "--bench",
                bench.toString(),
                "--pred",
                Files.writeString(dir.resolve("gpt.csv"), pred).toString(),
                "--out",
                out.toString(),
                "--mode",
                "pairwise",
                "--bootstrap",
                "0");
        assertEquals(0, o.code(), o.err());
        JsonNode overall =
                Json.mapper().readTree(out.resolve("report.json").toFile()).get("overall");
        assertEquals(0.7107, overall.get("accuracy").asDouble(), 0.00005);
        assertEquals(0.5879, overall.get("macro_precision").asDouble(), 0.00005);
        assertEquals(0.5736, overall.get("macro_recall").asDouble(), 0.00005);
        assertEquals(0.5755, overall.get("macro_f1").asDouble(), 0.00005);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.stage.generate.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later run generates only the shortfall of an earlier one, imports outside instructions next to
 * the generated ones, and filters an instruction that copies its reference. Run "a" generates 2 per
 * scenario; a copying instruction is planted among its records; run "b" asks for 3 per scenario
 * from "a", with an instruction file holding good and bad rows, and is then classified.
 */
@Tag("spark")
class GenerateFromEarlierRunsAndImportsTest {
    static final String CONF = "../conf/local.yaml";
    static final String PLANTED = "gen-close_qa-0000-9";

    @TempDir
    static Path dir;

    static Path out;
    static List<Instruction> earlier;
    static List<Instruction> later;
    static Map<String, JsonNode> stepsOfB = new HashMap<>();

    @BeforeAll
    static void runTwice() throws IOException {
        out = dir.resolve("out");
        PipelineRuns.stage("generate", out, "a", CONF, "generate.quota=2");
        SparkSession spark = SparkSession.active();
        RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
        Path runA = out.resolve("runs/a/generate");
        earlier = read(spark, runA.resolve("records"));
        Row passage = spark.read()
                .parquet(runA.resolve("passages").toString())
                .orderBy("id")
                .first();
        String copied =
                Arrays.stream(passage.getString(passage.fieldIndex("text")).split("\\s+"))
                                .limit(14)
                                .collect(Collectors.joining(" "))
                        + "?";
        Instruction planted = new Instruction(
                PLANTED,
                "close_qa",
                "close_qa",
                null,
                "reference",
                copied,
                "gen-close_qa-0000",
                passage.getString(passage.fieldIndex("id")),
                List.of(),
                earlier.get(0).templateVersion(),
                "sim-gpt-4",
                "0".repeat(64),
                null);
        spark.createDataFrame(List.of(codec.toRow(planted)), codec.schema())
                .write()
                .mode(SaveMode.Append)
                .parquet(runA.resolve("records").toString());

        Path instructions = dir.resolve("mine.jsonl");
        Files.write(
                instructions,
                List.of(
                        "{\"id\": \"u1\", \"text\": \"What are three practical ways to reduce food waste at home?\"}",
                        "{\"id\": \"u2\", \"text\": \"Translate 'thank you very much for your help' into German.\", \"scenario\": \"translation\"}",
                        "{\"id\": \"u2\", \"text\": \"  \"}",
                        "{\"id\": \"u4\", \"text\": \"Explain what a hash map is to a beginner programmer.\", \"scenario\": \"poetry_slam\"}",
                        "{\"id\": \"u1\", \"text\": \"Why do zebras have stripes, according to current research?\"}",
                        "{\"id\": \"u6\", \"text\": \"no closing quote}",
                        "{\"id\": \"u5\", \"text\": \"What are three practical  ways to reduce food waste at home?\"}"));
        PipelineRuns.stage(
                "generate",
                out,
                "b",
                CONF,
                "generate.quota=3",
                "generate.previous-run=a",
                "inputs.instructions=" + instructions,
                "run.max-quarantined-share=0.9");
        PipelineRuns.Run b = PipelineRuns.stage("classify", out, "b", CONF);
        JsonNode report = PipelineRuns.JSON.readTree(
                out.resolve("runs/b/generate/_report.json").toFile());
        report.get("steps").forEach(s -> stepsOfB.put(s.get("step").asText(), s));
        later = read(spark, out.resolve("runs/b/generate/records"));
        assertTrue(b.stdout().contains("[classify] done"), b.stdout());
    }

    static List<Instruction> read(SparkSession spark, Path parquet) {
        RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
        return spark.read().parquet(parquet.toString()).collectAsList().stream()
                .map(codec::fromRow)
                .toList();
    }

    @Test
    void theLaterRunCarriesTheEarlierInstructionsAndWritesOnlyTheShortfall() {
        JsonNode carried = stepsOfB.get("previous-run");
        assertEquals(
                earlier.size() + 1,
                carried.get("in").asLong(),
                "every generated instruction of run a, the planted one too");
        Set<String> laterIds = later.stream().map(Instruction::id).collect(Collectors.toSet());
        earlier.forEach(i -> assertTrue(laterIds.contains(i.id()), i.id()));
        // 3 per scenario less the 2 carried: one call of one instruction per scenario, and close_qa's
        // planted instruction does not count because validation removes it.
        assertEquals(10, stepsOfB.get("teacher-calls").get("in").asLong());
        Map<String, Long> generated = later.stream()
                .filter(i -> !i.method().equals("imported"))
                .collect(Collectors.groupingBy(Instruction::scenario, Collectors.counting()));
        assertEquals(10, generated.size());
        generated.forEach((scenario, n) -> assertTrue(n >= 3 && n <= 3 + 5, scenario + " has " + n));
        Set<String> earlierTasks = earlier.stream().map(Instruction::taskId).collect(Collectors.toSet());
        later.stream()
                .filter(i -> !laterIds.isEmpty()
                        && !earlier.contains(i)
                        && !i.method().equals("imported"))
                .forEach(i -> assertTrue(
                        !earlierTasks.contains(i.taskId()), "new call " + i.taskId() + " repeats an earlier one"));
    }

    @Test
    void anInstructionThatCopiesItsReferenceIsFiltered() {
        JsonNode validate = stepsOfB.get("validate");
        assertEquals(1, validate.at("/reasons/copies_reference").asLong(), validate.toString());
        assertTrue(later.stream().noneMatch(i -> i.id().equals(PLANTED)));
    }

    @Test
    void importedRowsAreKeptOrQuarantinedWithTheirReason() {
        JsonNode imported = stepsOfB.get("import");
        assertEquals(7, imported.get("in").asLong());
        assertEquals(3, imported.get("out").asLong());
        assertEquals(4, imported.get("quarantined").asLong());
        for (String reason : List.of("missing_text", "unknown_scenario", "duplicate_id", "malformed_json")) {
            assertEquals(1, imported.at("/reasons/" + reason).asLong(), reason + " in " + imported);
        }
        // u5 repeats u1 up to spacing: the exact-duplicate check removes the one with the larger id.
        assertEquals(
                1,
                stepsOfB.get("validate").at("/reasons/duplicate").asLong(),
                stepsOfB.get("validate").toString());
        Map<String, Instruction> byId = new HashMap<>();
        later.forEach(i -> byId.put(i.id(), i));
        Instruction u1 = byId.get("imp-u1");
        assertEquals("What are three practical ways to reduce food waste at home?", u1.text());
        assertEquals("imported", u1.method());
        assertNull(u1.scenario());
        assertNull(u1.requestHash());
        assertEquals(
                "translation",
                byId.get("imp-u2").intendedScenario(),
                "an unusable row with the same id does not displace it");
        assertTrue(!byId.containsKey("imp-u5"));
    }

    @Test
    void theClassifyStageGivesImportedInstructionsTheirScenario() {
        List<Instruction> classified = read(SparkSession.active(), out.resolve("runs/b/classify/records"));
        Set<String> ids = new HashSet<>();
        for (Instruction i : classified) {
            ids.add(i.id());
            if (i.id().equals("imp-u1")) {
                assertTrue(
                        i.predictedScenario() != null && i.predictedScenario().equals(i.scenario()), i.toString());
            }
        }
        assertTrue(ids.contains("imp-u1"));
        assertEquals(
                later.size(),
                classified.size(),
                "no instruction lost in classify (none is quarantined by the simulator)");
    }
}

package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.cli.ResearchDataInputs;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.stage.ClassifierAgreement;
import io.judgeforge.stage.classify.CategoryMapping;
import io.judgeforge.stage.classify.LabelAgreement;
import io.judgeforge.stage.generate.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation and classification over real inputs from ../shared/research-data: references are
 * FLASK's and AlignBench's reference answers (English and Chinese), seeds are MT-Bench questions,
 * and all 763 MT-Bench and AlignBench questions are imported and classified. Checks the counts, the
 * lineage and the accounting, and that the agreement with the benchmarks' own categories is measured
 * over every question. Skips where the research data is absent (a user's clone).
 */
@Tag("spark")
class ResearchDataGenerationTest {
    static final Path DATA = Path.of("../../shared/research-data");
    static final int QUOTA = 3;

    @TempDir
    static Path dir;

    static Map<String, JsonNode> steps = new HashMap<>();
    static List<Instruction> generated;
    static Set<String> seedIds;
    static Map<String, String> seedScenario = new HashMap<>();
    static Map<String, LabelAgreement.Result> agreement;
    static Path runDir;

    @BeforeAll
    static void generateAndClassify() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(DATA),
                "research data absent at " + DATA.toAbsolutePath()
                        + " (it sits beside the project in CI); skipping the research-data generation test");
        Path conf = Path.of("../conf").toAbsolutePath().normalize();
        ResearchDataInputs inputs = new ResearchDataInputs(DATA);
        Set<String> ids = Set.of(
                "close_qa",
                "open_qa",
                "math_qa",
                "creative_writing",
                "professional_writing",
                "rewriting",
                "translation",
                "reading_comprehension",
                "role_playing",
                "programming");
        CategoryMapping mtbench = CategoryMapping.load(conf.resolve("category-mappings/mtbench.yaml"), ids);
        CategoryMapping alignbench = CategoryMapping.load(conf.resolve("category-mappings/alignbench.yaml"), ids);
        inputs.writeReferences(dir.resolve("references.jsonl"), 12, 300);
        inputs.writeSeeds(dir.resolve("seeds.jsonl"), mtbench);
        inputs.writeInstructions(dir.resolve("instructions.jsonl"), dir.resolve("labels.jsonl"));
        for (String line : Files.readAllLines(dir.resolve("seeds.jsonl"))) {
            JsonNode seed = PipelineRuns.JSON.readTree(line);
            seedScenario.put(seed.get("id").asText(), seed.get("scenario").asText());
        }
        seedIds = seedScenario.keySet();
        String yaml = Files.readString(conf.resolve("local.yaml"))
                + "\ncatalog: " + conf.resolve("scenarios.yaml") + "\nprompts: " + conf.resolve("prompts")
                + "\ninputs:\n  references: " + dir.resolve("references.jsonl") + "\n  seeds: "
                + dir.resolve("seeds.jsonl")
                + "\n  instructions: " + dir.resolve("instructions.jsonl") + "\n";
        String paraphrases = "augment.paraphrases=" + conf.resolve("criteria-paraphrases.yaml");
        Files.writeString(dir.resolve("research.yaml"), yaml);
        Path out = dir.resolve("out");
        // Benchmark questions are long; the bounds are raised so that the accounting, not the length rule, is tested.
        PipelineRuns.stage(
                "generate",
                out,
                "r",
                dir.resolve("research.yaml").toString(),
                "generate.quota=" + QUOTA,
                "generate.max-words=5000",
                paraphrases);
        PipelineRuns.stage("classify", out, "r", dir.resolve("research.yaml").toString(), paraphrases);
        runDir = out.resolve("runs/r");
        PipelineRuns.JSON
                .readTree(runDir.resolve("generate/_report.json").toFile())
                .get("steps")
                .forEach(s -> steps.put(s.get("step").asText(), s));
        SparkSession spark = SparkSession.active();
        RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
        generated = spark.read().parquet(runDir.resolve("generate/records").toString()).collectAsList().stream()
                .map(codec::fromRow)
                .filter(i -> !i.method().equals("imported"))
                .toList();
        agreement = ClassifierAgreement.measure(
                spark.read().parquet(runDir.resolve("classify/records").toString()),
                spark.read()
                        .schema("id STRING, benchmark STRING, category STRING, subcategory STRING")
                        .json(dir.resolve("labels.jsonl").toString()),
                Map.of("mtbench", mtbench, "alignbench", alignbench));
        agreement.forEach((b, r) -> System.out.printf("%s: agreement %.3f%n%s%n", b, r.agreement(), r.toMarkdown()));
    }

    @Test
    void everyStepReconcilesAndEveryBenchmarkQuestionIsImported() {
        for (JsonNode s : steps.values()) {
            assertEquals(
                    s.get("in").asLong(),
                    s.get("out").asLong()
                            + s.get("filtered").asLong()
                            + s.get("quarantined").asLong(),
                    s.toString());
        }
        assertEquals(80 + 683, steps.get("import").get("in").asLong());
        assertEquals(80 + 683, steps.get("import").get("out").asLong(), "every benchmark row has an id and a text");
        assertEquals(24, steps.get("references").get("in").asLong(), "12 FLASK and 12 AlignBench reference answers");
    }

    @Test
    void everyScenarioQuotaIsMetFromTheResearchReferences() {
        Map<String, Long> byScenario =
                generated.stream().collect(Collectors.groupingBy(Instruction::scenario, Collectors.counting()));
        assertEquals(10, byScenario.size(), byScenario.toString());
        byScenario.forEach((s, n) -> assertTrue(n >= QUOTA, s + " has " + n));
    }

    @Test
    void generatedInstructionsCarryTheirLineage() {
        Set<String> passages = new HashSet<>();
        for (Row r : SparkSession.active()
                .read()
                .parquet(runDir.resolve("generate/passages").toString())
                .select("id")
                .collectAsList()) {
            passages.add(r.getString(0));
        }
        for (Instruction i : generated) {
            assertTrue(i.requestHash().matches("[0-9a-f]{64}"), i.id());
            assertEquals("sim-gpt-4", i.teacherModel(), i.id());
            assertTrue(i.templateVersion().startsWith("generate-" + i.method()), i.id() + " " + i.templateVersion());
            assertTrue(i.id().startsWith(i.taskId() + "-"), i.id());
            if (i.method().equals("reference") || i.scenario().equals("reading_comprehension")) {
                assertTrue(passages.contains(i.referenceId()), i.id() + " names passage " + i.referenceId());
                assertTrue(i.referenceId().matches("(flask|alignbench)-\\d+#\\d+"), i.referenceId());
            }
            for (String seed : i.seedExampleIds()) {
                assertTrue(seedIds.contains(seed), i.id() + " names seed " + seed);
                assertEquals(
                        i.intendedScenario(), seedScenario.get(seed), i.id() + " was shown a seed of another scenario");
            }
        }
        assertTrue(generated.stream().anyMatch(i -> !i.seedExampleIds().isEmpty()), "MT-Bench seeds were used");
    }

    /** Agreement is measured over every benchmark question; a question lost on the way counts as missing, not as absent. */
    @Test
    void classifierAgreementCoversEveryBenchmarkQuestion() {
        assertEquals(80, agreement.get("mtbench").n());
        assertEquals(683, agreement.get("alignbench").n());
        long removed = steps.get("validate").get("filtered").asLong()
                + steps.get("validate").get("quarantined").asLong();
        long missing = agreement.values().stream()
                .mapToLong(LabelAgreement.Result::missing)
                .sum();
        assertTrue(missing <= removed, missing + " missing, " + removed + " removed by validation");
        agreement
                .values()
                .forEach(r -> assertEquals(
                        r.n(),
                        r.byCategory().values().stream()
                                .mapToInt(LabelAgreement.Figures::n)
                                .sum()));
    }
}

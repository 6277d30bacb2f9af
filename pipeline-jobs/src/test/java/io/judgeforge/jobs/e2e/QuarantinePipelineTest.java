package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and failing calls end as counted quarantine rows with reasons, the rest of the run
 * goes on, and every stage still reconciles: two unusable reference lines, and an answer model
 * whose every answer is cut off at its token limit (finish_reason length). (A model the endpoint
 * does not serve is another matter: it stops the run, see FailureGuardPipelineTest.)
 */
@Tag("spark")
class QuarantinePipelineTest {
    static final int QUOTA = 2;

    @TempDir
    static Path dir;

    static PipelineRuns.Run run;
    static Map<String, JsonNode> stages = new HashMap<>();

    @BeforeAll
    static void runWithBadInputs() throws IOException {
        Path conf = Path.of("../conf").toAbsolutePath().normalize();
        List<String> references =
                new java.util.ArrayList<>(Files.readAllLines(conf.resolve("sample-data/references.jsonl")));
        references.add("{\"id\": \"ref-broken\", \"title\": \"Cut off\", \"text\": \"no closing quote}");
        references.add("{\"id\": \"ref-empty\", \"title\": \"Empty\", \"text\": \"  \"}");
        Files.write(dir.resolve("references.jsonl"), references);
        String yaml = Files.readString(conf.resolve("local.yaml"))
                        .replace(
                                "    - {name: sim-gpt-3.5,",
                                "    - {name: terse, endpoint: sim, model: sim-6b, temperature: 0.8, max-tokens: 1}\n    - {name: sim-gpt-3.5,")
                + "\ncatalog: " + conf.resolve("scenarios.yaml") + "\nprompts: " + conf.resolve("prompts")
                + "\ninputs:\n  references: " + dir.resolve("references.jsonl") + "\n  seeds: "
                + conf.resolve("sample-data/seeds.jsonl") + "\n";
        Files.writeString(dir.resolve("bad.yaml"), yaml);
        run = PipelineRuns.run(
                dir.resolve("out"),
                dir.resolve("bad.yaml").toString(),
                "generate.quota=" + QUOTA,
                "augment.paraphrases=" + conf.resolve("criteria-paraphrases.yaml"));
        run.manifest().get("stages").forEach(s -> stages.put(s.get("stage").asText(), s));
    }

    @Test
    void unusableReferenceLinesAreQuarantinedWithTheirReason() {
        JsonNode references = stages.get("generate").get("steps").get(0);
        assertEquals("references", references.get("step").asText());
        assertEquals(38, references.get("in").asLong());
        assertEquals(36, references.get("out").asLong());
        assertEquals(2, references.get("quarantined").asLong());
        assertEquals(1, references.at("/reasons/malformed_json").asLong());
        assertEquals(1, references.at("/reasons/missing_text").asLong());
    }

    @Test
    void failedCallsAreQuarantinedPerItemAndTheRunGoesOn() throws IOException {
        JsonNode respond = stages.get("respond").get("steps").get(0);
        long instructions = stages.get("classify").get("records").asLong();
        assertEquals(instructions * 6, respond.get("in").asLong());
        assertEquals(instructions, respond.get("quarantined").asLong(), "every answer of the terse model was cut off");
        assertEquals(instructions, respond.at("/reasons/truncated").asLong());
        assertEquals(instructions * 5, stages.get("respond").get("records").asLong());
        assertTrue(run.manifest().at("/totals/reconciled").asBoolean());
        assertTrue(run.manifest().at("/sets/judge/records").asLong() > 0, "the dataset is still published");

        EndToEndPipelineTest.assertValid(
                SparkSession.active(), run.runDir().resolve("respond/quarantine"), "rejected-record");
        EndToEndPipelineTest.assertValid(
                SparkSession.active(), run.runDir().resolve("generate/quarantine"), "rejected-record");
        List<Row> rows = SparkSession.active()
                .read()
                .parquet(run.runDir().resolve("respond/quarantine").toString())
                .collectAsList();
        assertEquals(instructions, rows.size());
        for (Row r : rows) {
            assertEquals("quarantined", r.getAs("status"));
            assertEquals("truncated", r.getAs("reason"));
            assertEquals("finish_reason length", r.getAs("detail"));
            assertTrue(((String) r.getAs("input")).contains("\"terse\""), "the input is kept for a rerun");
        }
    }
}

package io.judgeforge.jobs.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.eval.BootstrapSettings;
import io.judgeforge.eval.EvalMode;
import io.judgeforge.eval.MetaEvalOptions;
import io.judgeforge.eval.MetaEvaluation;
import io.judgeforge.eval.ReportWriter;
import io.judgeforge.eval.Scale;
import io.judgeforge.eval.TableReader;
import io.judgeforge.json.Json;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.stage.RejectedRecord;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import io.judgeforge.stage.export.ClassifierExample;
import io.judgeforge.stage.export.JudgeExample;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.export.QuestionerExample;
import io.judgeforge.stage.export.ShardInfo;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.ReferencePassage;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.respond.AnswerTask;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.stage.score.IfdScore;
import io.judgeforge.teacher.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SHA = "4443929933b6c8243e5307e03608b91614cf9c036e2a7355d38d0dfcd0621ed9";

    private static final Set<String> EXPECTED = Set.of(
            "reference-passage",
            "seed-instruction",
            "generation-task",
            "instruction",
            "answer-task",
            "response",
            "judgment",
            "ifd-score",
            "ifd-histogram",
            "item-outcome",
            "rejected-record",
            "step-report",
            "stage-report",
            "judge-example",
            "classifier-example",
            "questioner-example",
            "manifest",
            "meta-eval-benchmark",
            "meta-eval-prediction",
            "meta-eval-report");

    // ---------------------------------------------------------------- valid examples, one per schema

    private static final String INSTRUCTION = """
      {"id": "gen-close_qa-0000-0", "scenario": "close_qa", "intended_scenario": "close_qa",
       "predicted_scenario": "close_qa", "method": "reference", "text": "Who printed the first Bible in Mainz?",
       "task_id": "gen-close_qa-0000", "reference_id": "ref-001", "seed_example_ids": ["seed-close_qa-1"],
       "template_version": "generate-reference@8cbce9d39b78", "teacher_model": "sim-gpt-4",
       "request_hash": "%s"}""".formatted(SHA);

    private static final String STEP_REPORT = """
      {"step": "teacher-calls", "in": 30, "out": 28, "filtered": 0, "quarantined": 2, "produced": 112,
       "reasons": {"parse_failed": 2}, "calls": 31, "stored": 0, "prompt_tokens": 11029, "completion_tokens": 3124, "cost_usd": 0.0, "cost_by_scenario": {}, "cached_tokens": 0, "reasoning_tokens": 0}""";

    private static final String STAGE_REPORT = """
      {"stage": "generate", "steps": [%s], "records": 112, "records_by_scenario": {"close_qa": 56, "math_qa": 56},
       "wall_ms": 23699}""".formatted(STEP_REPORT);

    /** A pairwise report with a swapped order and intervals, one scenario; the figures are rounded for reading. */
    private static final String META_EVAL_REPORT = """
      {"mode": "pairwise", "rating_format": "themis", "bench": "bench.jsonl", "pred": "pred.jsonl",
       "swapped_order_given": true,
       "overall": {"n": 3, "missing": 0, "missing_swapped": 1, "accuracy": 0.6667, "kappa": 0.5, "macro_precision": 0.5,
                   "macro_recall": 0.6667, "macro_f1": 0.5556, "accuracy_avg_orders": 0.5, "accuracy_order_resolved": 0.3333,
                   "agreement_both_orders": 0.3333, "positional_agreement": 0.3333, "normalised": 0.5,
                   "random": {"accuracy": 0.3333, "kappa": 0.0, "accuracy_avg_orders": 0.3333,
                              "accuracy_order_resolved": 0.3333, "agreement_both_orders": 0.1111,
                              "positional_agreement": 0.3333},
                   "z": {"accuracy": 0.7071, "kappa": -0.7071},
                   "ci": {"accuracy": [0.3333, 1.0], "kappa": [null, null], "normalised": [0.0, 1.0]}},
       "by_scenario": {"open_qa": {"n": 2, "missing": 0, "missing_swapped": 0, "accuracy": 0.5, "kappa": 0.0,
                   "macro_precision": 0.25, "macro_recall": 0.5, "macro_f1": 0.3333, "accuracy_avg_orders": 0.5,
                   "accuracy_order_resolved": 0.5, "agreement_both_orders": 0.5, "positional_agreement": 1.0, "normalised": 0.25,
                   "random": {"accuracy": 0.3333, "kappa": 0.0}, "z": {"accuracy": -0.7071, "kappa": 0.7071},
                   "ci": {"accuracy": [0.0, 1.0], "normalised": [-0.5, 1.0]}}},
       "unmatched_predictions": 1, "without_prediction": 0, "missing_examples": ["3: swapped order: empty prediction"],
       "normalised_aggregate": {"metrics": ["accuracy"], "definition": "Each listed figure m is mapped to ..."},
       "bootstrap": {"resamples": 50, "confidence": 0.95, "seed": 1, "method": "percentile bootstrap: ..."},
       "rules": {"missing": "A benchmark item with no prediction ...", "random": "'random' is ...", "z": "z = ...",
                 "unmatched": "Predictions whose id is not in the benchmark are ignored ..."}}""";

    private static final Map<String, String> VALID = new LinkedHashMap<>();

    static {
        VALID.put("reference-passage", """
        {"id": "ref-001", "title": "The printing press", "topic": "history", "text": "Johannes Gutenberg ..."}""");
        VALID.put("seed-instruction", """
        {"id": "seed-close_qa-1", "scenario": "close_qa", "text": "Which element has the symbol Fe?"}""");
        VALID.put("generation-task", """
        {"id": "gen-math_qa-0003", "scenario": "math_qa", "method": "quiz", "count": 4,
         "difficulty": "advanced", "audience": "data analysts", "subject": "statistics", "topic": "probability",
         "task": "compute a value", "seed_example_ids": []}""");
        VALID.put("instruction", INSTRUCTION);
        VALID.put("answer-task", """
        {"instruction": %s,
         "model": {"name": "sim-gpt-3.5", "endpoint": "sim", "model": "sim-gpt-3.5", "temperature": 0.8,
                   "max_tokens": 768}}""".formatted(INSTRUCTION));
        VALID.put("response", """
        {"id": "gen-close_qa-0000-0~sim-6b", "instruction_id": "gen-close_qa-0000-0", "scenario": "close_qa",
         "instruction": "Who printed the first Bible in Mainz?", "model": "sim-6b", "model_name": "sim-6b",
         "text": "Johannes Gutenberg.", "prompt_tokens": 40, "completion_tokens": 17}""");
        VALID.put("judgment", """
        {"id": "jdg-gen-close_qa-0000-0~sim-6b", "response_id": "gen-close_qa-0000-0~sim-6b",
         "instruction_id": "gen-close_qa-0000-0", "scenario": "close_qa", "mode": "single", "answer_model": "sim-6b",
         "prompt": "Please act as an impartial judge ...", "output": "... is [[4]] ...", "target": "... is [[4]] ...",
         "score": 4, "samples": [], "point_scores": [4, 2], "strengths": ["Correct."], "shortcomings": ["Terse."],
         "template_version": "judge-single@f29b10e83781", "teacher_model": "sim-gpt-4", "request_hash": "%s"}""".formatted(SHA));
        VALID.put("ifd-score", """
        {"judgment_id": "jdg-gen-close_qa-0000-0~sim-6b", "scenario": "close_qa", "mode": "single", "label": "4",
         "conditioned_loss": 1.2766, "direct_loss": 2.1796, "ifd": 0.5857, "answer_tokens": 165}""");
        VALID.put("ifd-histogram", """
        {"edges": [0.5, 0.55, 0.6], "before": [3, 1], "after": [2, 0]}""");
        VALID.put("item-outcome", """
        {"item_id": "gen-close_qa-0000", "scenario": "close_qa", "status": "quarantined", "reason": "parse_failed",
         "detail": "no numbered list", "input": "{\\"id\\":\\"gen-close_qa-0000\\"}", "calls": 1, "stored": 0,
         "prompt_tokens": 400, "completion_tokens": 30, "cost_usd": 0.0, "latency_ms": 5, "cached_tokens": 0, "reasoning_tokens": 0, "records": []}""");
        VALID.put("rejected-record", """
        {"stage": "generate", "step": "validate", "status": "filtered", "item_id": "gen-close_qa-0000-3",
         "scenario": "close_qa", "reason": "duplicate", "detail": "duplicate of gen-close_qa-0000-1",
         "input": "{\\"id\\":\\"gen-close_qa-0000-3\\"}"}""");
        VALID.put("step-report", STEP_REPORT);
        VALID.put("stage-report", STAGE_REPORT);
        VALID.put("judge-example", """
        {"messages": [{"role": "user", "content": "Please act as an impartial judge ..."},
                      {"role": "assistant", "content": "... is [[4]] ..."}],
         "spans": [{"start": 0, "end": 6, "kind": "rationale"}, {"start": 6, "end": 12, "kind": "format"},
                   {"start": 12, "end": 16, "kind": "rationale"}],
         "id": "jdg-gen-close_qa-0000-0~sim-6b", "split": "train", "scenario": "close_qa", "mode": "single",
         "score": 4, "instruction_id": "gen-close_qa-0000-0", "response_id": "gen-close_qa-0000-0~sim-6b",
         "answer_model": "sim-6b", "ifd": 0.5206, "template_version": "judge-single@f29b10e83781",
         "teacher_model": "sim-gpt-4"}""");
        VALID.put("classifier-example", """
        {"messages": [{"role": "user", "content": "Which scenario ..."}, {"role": "assistant", "content": "Scenario: [[close_qa]]"}],
         "id": "gen-close_qa-0000-0", "split": "train", "scenario": "close_qa", "source": "reference",
         "intended_scenario": "close_qa", "predicted_scenario": "close_qa", "template_version": "classify@f29b10e83781"}""");
        VALID.put("questioner-example", """
        {"messages": [{"role": "user", "content": "You are writing ..."}, {"role": "assistant", "content": "1. Who ...?"}],
         "id": "gen-close_qa-0000", "split": "validation", "scenario": "close_qa", "reference_id": "ref-001#0",
         "instruction_ids": ["gen-close_qa-0000-0"], "template_version": "questioner@f29b10e83781",
         "teacher_model": "sim-gpt-4"}""");
        VALID.put("manifest", """
        {"version": "20261122-155843-f2f8", "run_id": "20261122-155843-f2f8", "run_name": "local-sample",
         "created_at": "2026-11-22T15:59:45.851708917Z", "config_sha256": "%s",
         "sets": {"judge": {"task": "judge: ...", "records": 3, "by_split": {"train": 2, "validation": 1},
                            "by_scenario": {"close_qa": 3}, "by_mode": {"single": 2, "pairwise": 1},
                            "by_score": {"1": 1, "4": 1}, "by_verdict": {"C": 1},
                            "by_split_and_scenario": {"train": {"close_qa": 2}, "validation": {"close_qa": 1}}},
                  "classifier": {"task": "classifier: ...", "records": 1, "by_split": {"train": 1},
                            "by_scenario": {"close_qa": 1}, "by_mode": {}, "by_score": {}, "by_verdict": {},
                            "by_split_and_scenario": {"train": {"close_qa": 1}}},
                  "questioner": {"task": "questioner: ...", "records": 0, "by_split": {}, "by_scenario": {},
                            "by_mode": {}, "by_score": {}, "by_verdict": {}, "by_split_and_scenario": {}}},
         "shards": [{"path": "judge/train/part-00000.jsonl", "set": "judge", "split": "train", "records": 2,
                     "bytes": 9000, "sha256": "%s"}],
         "stages": [%s],
         "totals": {"calls": 31, "stored": 0, "prompt_tokens": 11029, "completion_tokens": 3124, "cost_usd": 0.0,
                    "wall_ms": 23699, "reconciled": true, "cached_tokens": 0, "reasoning_tokens": 0},
         "budget": {"max_usd": 0, "max_tokens": 0, "spent_usd": 0.0, "spent_tokens": 14153, "stopped": false}}""".formatted(SHA, SHA, STAGE_REPORT));
        VALID.put("meta-eval-benchmark", """
        {"id": "q1", "scenario": "close_qa", "human": 4, "instruction": "Who printed the first Bible in Mainz?",
         "response": "Johannes Gutenberg.", "source": "themis-test"}""");
        VALID.put("meta-eval-prediction", """
        {"id": "p1", "pred": "A", "pred_swapped_text": "I believe the better response is [[B]].", "model": "sim-6b"}""");
        VALID.put("meta-eval-report", META_EVAL_REPORT);
    }

    // ---------------------------------------------------------------- broken examples: {json, field named}

    private static final Map<String, String[]> BROKEN = new LinkedHashMap<>();

    static {
        BROKEN.put("reference-passage", new String[] {"""
        {"id": "ref-001", "title": "No text"}""", "text"});
        BROKEN.put("seed-instruction", new String[] {"""
        {"id": "seed-1", "scenario": "close_qa", "text": "Hi", "difficulty": "easy"}""", "difficulty"});
        BROKEN.put("generation-task", new String[] {"""
        {"id": "gen-close_qa-0000", "scenario": "close_qa", "method": "reference", "count": "4",
         "reference_index": 0, "seed_example_ids": []}""", "count"});
        BROKEN.put(
                "instruction",
                new String[] {INSTRUCTION.replace("\"method\": \"reference\"", "\"method\": \"REFERENCE\""), "method"});
        BROKEN.put("answer-task", new String[] {"""
        {"instruction": %s, "model": {"name": "sim-6b", "endpoint": "sim", "model": "sim-6b", "temperature": 0.8}}""".formatted(INSTRUCTION), "max_tokens"});
        BROKEN.put("response", new String[] {"""
        {"id": "gen-x-0000-0~sim-6b", "instruction_id": "gen-x-0000-0", "scenario": "x", "instruction": "Q?",
         "model": "sim-6b", "model_name": "sim-6b", "text": "A.", "prompt_tokens": -1, "completion_tokens": 3}""", "prompt_tokens"});
        BROKEN.put(
                "judgment", new String[] {VALID.get("judgment").replace("\"score\": 4", "\"score\": \"4\""), "score"});
        BROKEN.put("ifd-score", new String[] {"""
        {"judgment_id": "jdg-x", "scenario": "x", "mode": "single", "label": "4", "conditioned_loss": 1.2, "direct_loss": 2.1,
         "answer_tokens": 165}""", "ifd"});
        BROKEN.put("ifd-histogram", new String[] {"""
        {"edges": [0.5, 0.55, 0.6], "before": [3, -1], "after": [2, 0]}""", "before"});
        BROKEN.put("item-outcome", new String[] {"""
        {"item_id": "gen-x-0000", "status": "failed", "calls": 1, "stored": 0, "prompt_tokens": 4, "completion_tokens": 3, "cost_usd": 0.0, "latency_ms": 5,
         "records": []}""", "status"});
        BROKEN.put("rejected-record", new String[] {"""
        {"stage": "judge", "step": "judge-calls", "status": "quarantined", "item_id": "gen-x-0000-0~sim-6b",
         "input": "{}"}""", "reason"});
        BROKEN.put("step-report", new String[] {STEP_REPORT.replace("\"produced\": 112,", ""), "produced"});
        BROKEN.put(
                "stage-report",
                new String[] {STAGE_REPORT.replace("\"wall_ms\": 23699", "\"wall_ms\": 2.5"), "wall_ms"});
        BROKEN.put("judge-example", new String[] {
            VALID.get("judge-example").replace("\"split\": \"train\"", "\"split\": \"test\""), "split"
        });
        BROKEN.put("classifier-example", new String[] {
            VALID.get("classifier-example").replace("\"source\": \"reference\"", "\"source\": \"scraped\""), "source"
        });
        BROKEN.put("questioner-example", new String[] {
            VALID.get("questioner-example").replace("[\"gen-close_qa-0000-0\"]", "[]"), "instruction_ids"
        });
        BROKEN.put("manifest", new String[] {
            VALID.get("manifest").replace("\"reconciled\": true", "\"reconciled\": \"yes\""), "reconciled"
        });
        BROKEN.put("meta-eval-benchmark", new String[] {"""
        {"id": "q1", "scenario": "close_qa", "score": 4}""", "human"});
        BROKEN.put("meta-eval-prediction", new String[] {"""
        {"id": "q1", "pred": 4, "pred_text": "I believe the overall rating of this response is [[4]]."}""", "pred_text"});
        BROKEN.put(
                "meta-eval-report",
                new String[] {META_EVAL_REPORT.replace("\"accuracy\": 0.6667", "\"accuracy\": 1.5"), "accuracy"});
    }

    @Test
    void everySchemaFileIsWellFormed() throws IOException {
        Path dir = JsonSchemas.directory();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".schema.json"))
                    .sorted()
                    .toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".schema.json".length());
                found.add(name);
                JsonNode schema = MAPPER.readTree(file.toFile());
                assertEquals(
                        "https://json-schema.org/draft/2020-12/schema",
                        schema.path("$schema").asText(),
                        fileName + " $schema");
                assertEquals(
                        JsonSchemas.ID_PREFIX + fileName, schema.path("$id").asText(), fileName + " $id");
                assertFalse(schema.path("title").asText().isBlank(), fileName + " has a title");
                assertFalse(schema.path("description").asText().isBlank(), fileName + " has a description");
                List<String> problems = new ArrayList<>();
                checkObjects(schema, "#", problems);
                assertEquals(List.of(), problems, fileName);
                JsonSchemas.schema(name); // compiles, with every $ref resolved
            }
        }
        assertEquals(new TreeSet<>(EXPECTED), found, "schema files in " + dir);
    }

    /** Every declared property has a description, and every object schema with properties is closed. */
    private static void checkObjects(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            boolean conditional = path.endsWith("/then") || path.endsWith("/else") || path.endsWith("/if");
            if (properties != null && properties.isObject() && !conditional) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getValue().isObject()
                            && p.getValue().path("description").asText().isBlank()) {
                        problems.add(path + "/properties/" + p.getKey() + " has no description");
                    }
                }
                if (!path.contains("/contains")
                        && !node.path("additionalProperties").isBoolean()) {
                    problems.add(path + " does not set additionalProperties: false");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkObjects(e.getValue(), path + "/" + e.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkObjects(node.get(i), path + "/" + i, problems);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> validExamplesPass() {
        assertEquals(EXPECTED, VALID.keySet());
        return VALID.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(
                        e.getKey(),
                        () -> assertEquals(List.of(), JsonSchemas.validate(e.getKey(), e.getValue()), e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> brokenExamplesNameTheField() {
        assertEquals(EXPECTED, BROKEN.keySet());
        return BROKEN.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String json = e.getValue()[0];
                    String field = e.getValue()[1];
                    List<String> messages = JsonSchemas.validate(e.getKey(), json);
                    assertFalse(messages.isEmpty(), e.getKey() + " should reject " + json);
                    assertTrue(
                            messages.stream().anyMatch(m -> m.contains(field)),
                            "no message names '" + field + "': " + messages);
                }));
    }

    @Test
    void conditionalRulesHold() {
        // A quiz task needs its spec; a reference task needs its passage index and carries no quiz spec.
        assertTrue(JsonSchemas.validate("generation-task", """
        {"id": "gen-math_qa-0000", "scenario": "math_qa", "method": "quiz", "count": 4, "seed_example_ids": []}""").stream().anyMatch(m -> m.contains("difficulty")));
        assertTrue(JsonSchemas.validate("generation-task", """
        {"id": "gen-close_qa-0000", "scenario": "close_qa", "method": "reference", "count": 4,
         "reference_index": 0, "topic": "x", "seed_example_ids": []}""").stream().anyMatch(m -> m.contains("topic")));
        // An 'out' item has no reason or input; a rejected one has both and no records.
        assertTrue(JsonSchemas.validate("item-outcome", """
        {"item_id": "a", "status": "out", "reason": "x", "calls": 1, "stored": 0, "prompt_tokens": 1, "completion_tokens": 1, "cost_usd": 0.0, "latency_ms": 5,
         "records": []}""").stream().anyMatch(m -> m.contains("reason")));
        assertTrue(JsonSchemas.validate("item-outcome", """
        {"item_id": "a", "status": "filtered", "reason": "too_long", "calls": 2, "stored": 0, "prompt_tokens": 1,
         "completion_tokens": 0, "cost_usd": 0.0, "latency_ms": 5, "cached_tokens": 0, "reasoning_tokens": 0, "records": []}""").stream().anyMatch(m -> m.contains("input")));
        // Records of an item must be one of the stage record types.
        assertFalse(JsonSchemas.validate("item-outcome", """
        {"item_id": "a", "status": "out", "calls": 1, "stored": 0, "prompt_tokens": 1, "completion_tokens": 1, "cost_usd": 0.0, "latency_ms": 5,
         "records": [{"judgment_id": "jdg-a", "scenario": "x", "score": 3}]}""").isEmpty());
    }

    /** JSON written by the project's mapper from the records themselves conforms to their schemas. */
    @TestFactory
    Stream<DynamicTest> recordsWrittenByTheProjectMapperConform() {
        Instruction unclassified = new Instruction(
                "gen-math_qa-0001-2",
                "math_qa",
                "math_qa",
                null,
                "quiz",
                "What is 15% of 80?",
                "gen-math_qa-0001",
                null,
                List.of(),
                "generate-quiz@0123456789ab",
                "sim-gpt-4",
                SHA,
                null);
        Instruction classified = unclassified.classified("math_qa", "math_qa");
        AnswerModel model = new AnswerModel("sim-6b", "sim", "sim-6b", 0.8, 768);
        Response response = new Response(
                "gen-math_qa-0001-2~sim-6b",
                classified.id(),
                "math_qa",
                classified.text(),
                "sim-6b",
                "sim-6b",
                "12.",
                12,
                3);
        Judgment judgment = Judgment.builder()
                .id("jdg-" + response.id())
                .responseId(response.id())
                .instructionId(classified.id())
                .scenario("math_qa")
                .mode("single")
                .answerModel("sim-6b")
                .prompt("prompt")
                .output("output [[5]]")
                .target("output [[5]]")
                .score(5)
                .pointScores(List.of(5))
                .strengths(List.of("Correct."))
                .templateVersion("judge-single@0123456789ab")
                .teacherModel("sim-gpt-4")
                .requestHash(SHA)
                .build();
        Judgment pairwise = Judgment.builder()
                .id("jdg-p1-swapped")
                .responseId(response.id())
                .instructionId(classified.id())
                .scenario("math_qa")
                .mode("pairwise")
                .answerModel("sim-6b")
                .responseIdB("r2")
                .answerModelB("sim-gpt-4")
                .pairId("p1")
                .order("swapped")
                .prompt("prompt")
                .output("I believe the better response is [[A]]")
                .target("I believe the better response is [[C]]")
                .verdict("C")
                .samples(List.of("A", "A", "B"))
                .templateVersion("judge-pairwise@0123456789ab")
                .teacherModel("sim-gpt-4")
                .requestHash(SHA)
                .build();
        StepReport step = new StepReport(
                "judge-calls",
                2,
                1,
                0,
                1,
                1,
                Map.of("parse_failed", 1L),
                2,
                0,
                100,
                20,
                0.0123,
                Map.of("math_qa", 0.0123),
                64,
                8);
        StageReport stage = new StageReport("judge", List.of(step), 1, Map.of("math_qa", 1L), 1234);
        Manifest manifest = new Manifest(
                "v1",
                "run-1",
                "local",
                "2026-01-02T03:04:05.123Z",
                SHA,
                Map.of(
                        "judge",
                        new Manifest.SetCounts(
                                "judge",
                                2,
                                Map.of("train", 2L),
                                Map.of("math_qa", 2L),
                                Map.of("single", 1L, "pairwise", 1L),
                                Map.of("5", 1L),
                                Map.of("C", 1L),
                                Map.of("train", Map.of("math_qa", 2L))),
                        "classifier",
                        new Manifest.SetCounts(
                                "classifier",
                                1,
                                Map.of("train", 1L),
                                Map.of("math_qa", 1L),
                                Map.of(),
                                Map.of(),
                                Map.of(),
                                Map.of("train", Map.of("math_qa", 1L))),
                        "questioner",
                        new Manifest.SetCounts(
                                "questioner", 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of())),
                List.of(new ShardInfo("judge/train/part-00000.jsonl", "judge", "train", 1, 100, SHA)),
                List.of(stage),
                new Manifest.Totals(2, 0, 100, 20, 0.5, 1234, true, 64, 8),
                new Manifest.BudgetUse(1.0, 0, 0.5, 120, false),
                "v0");
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("reference-passage", new ReferencePassage("ref-001", "Title", null, "Text."));
        records.put("seed-instruction", new SeedInstruction("seed-math_qa-1", "math_qa", "What is 2 + 2?"));
        records.put(
                "generation-task",
                new GenerationTask(
                        "gen-math_qa-0001",
                        "math_qa",
                        GenerationMethod.QUIZ,
                        5,
                        null,
                        null,
                        null,
                        "easy",
                        "students",
                        "algebra",
                        "equations",
                        "solve",
                        List.of("seed-math_qa-1")));
        records.put(
                "generation-task (reference)",
                new GenerationTask(
                        "gen-close_qa-0000",
                        "close_qa",
                        GenerationMethod.REFERENCE,
                        5,
                        3L,
                        "ref-004",
                        "Text.",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of()));
        records.put("instruction", unclassified);
        records.put("instruction (classified)", classified);
        records.put("answer-task", new AnswerTask(classified, model));
        records.put("response", response);
        records.put("judgment", judgment);
        records.put("judgment (pairwise)", pairwise);
        records.put(
                "judgment (augmented)",
                judgment.augmented("rescale-1-3", 0.5, "prompt on 1-3", "output [[3]]", 3, List.of(3)));
        records.put("ifd-score", new IfdScore(judgment.id(), "math_qa", "single", "5", null, 1.2, 2.4, 0.5, 40));
        records.put(
                "rejected-record",
                new RejectedRecord(
                        "judge",
                        "judge-calls",
                        "quarantined",
                        response.id(),
                        "math_qa",
                        "parse_failed",
                        null,
                        Json.write(response)));
        records.put("step-report", step);
        records.put("stage-report", stage);
        records.put(
                "judge-example",
                new JudgeExample(
                        List.of(ChatMessage.user("prompt"), ChatMessage.assistant("output")),
                        io.judgeforge.stage.export.TargetSpans.of("output"),
                        judgment.id(),
                        "train",
                        "math_qa",
                        "single",
                        5,
                        null,
                        classified.id(),
                        response.id(),
                        "sim-6b",
                        null,
                        null,
                        null,
                        null,
                        "model:sim-gpt-4",
                        "rescale-1-3",
                        0.5,
                        "judge-single@0123456789ab",
                        "sim-gpt-4"));
        records.put(
                "classifier-example",
                new ClassifierExample(
                        List.of(ChatMessage.user("prompt"), ChatMessage.assistant("Scenario: [[math_qa]]")),
                        classified.id(),
                        "train",
                        "math_qa",
                        "quiz",
                        "math_qa",
                        "math_qa",
                        "classify@0123456789ab"));
        records.put(
                "questioner-example",
                new QuestionerExample(
                        List.of(ChatMessage.user("prompt"), ChatMessage.assistant("1. Who wrote it?")),
                        "gen-close_qa-0000",
                        "validation",
                        "close_qa",
                        "ref-004#0",
                        List.of("gen-close_qa-0000-0"),
                        "questioner@0123456789ab",
                        "sim-gpt-4"));
        records.put("manifest", manifest);
        return records.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String schema = e.getKey().split(" ")[0];
                    String json = Json.write(e.getValue());
                    assertEquals(List.of(), JsonSchemas.validate(schema, json), json);
                }));
    }

    // ---------------------------------------------------------------- meta-eval: real tables and reports

    /**
     * Pointwise, 1..5: three scenarios' worth of rows. q4 and q5 (math_qa) share the human score 5, so that scenario's
     * correlations are undefined (null); q5's output cannot be parsed and item 6 (no scenario, a numeric id and a
     * string label) has no prediction, so two are missing; q9 is not in the benchmark.
     */
    private static final String POINTWISE_BENCH = """
      {"id": "q1", "scenario": "close_qa", "human": 3, "instruction": "Who printed the first Bible in Mainz?", "response": "Gutenberg."}
      {"id": "q2", "scenario": "close_qa", "human": 4, "reference": "Johannes Gutenberg."}
      {"id": "q3", "scenario": "close_qa", "human": 2}
      {"id": "q4", "scenario": "math_qa", "human": 5}
      {"id": "q5", "scenario": "math_qa", "human": 5.0}
      {"id": 6, "scenario": " ", "human": "1"}
      {"id": "q7", "scenario": null, "human": 2}
      """;

    private static final String POINTWISE_PRED = """
      {"id": "q1", "pred_text": "I believe the overall rating of this response is [[3]]."}
      {"id": "q2", "pred": 5}
      {"id": "q3", "pred": "2.5"}
      {"id": "q4", "pred": 4, "pred_text": null}
      {"id": "q5", "pred_text": "It is fine."}
      {"id": "q7", "pred": "", "pred_text": "I believe the overall rating of this response is [[1]]."}
      {"id": "q9", "pred": 2}
      """;

    /** Pairwise with the swapped order as raw output: p2 flips with the order, p4 has no swapped verdict, p5 failed. */
    private static final String PAIRWISE_BENCH = """
      {"id": "p1", "scenario": "open_qa", "human": 1, "instruction": "Name a prime.", "response1": "7", "response2": "8"}
      {"id": "p2", "scenario": "open_qa", "human": 2}
      {"id": "p3", "scenario": "writing", "human": 0}
      {"id": "p4", "scenario": "writing", "human": "1"}
      {"id": "p5", "human": 2}
      """;

    private static final String PAIRWISE_PRED = """
      {"id": "p1", "pred": "A", "pred_swapped_text": "I believe the better response is [[B]], and the reasons are as follows."}
      {"id": "p2", "pred_text": "I believe the better response is [[B]].", "pred_swapped_text": "I believe the better response is [[B]]."}
      {"id": "p3", "pred": "tie", "pred_swapped": "C"}
      {"id": "p4", "pred": 1, "pred_swapped_text": ""}
      {"id": "p5", "pred_text": null, "pred_swapped_text": null, "error": "HTTP 500 after 3 attempts"}
      """;

    /** Writes the two tables, checks every line against its schema, runs meta-eval and returns report.json. */
    private static JsonNode realReport(Path dir, EvalMode mode, String bench, String pred) throws IOException {
        for (String line : bench.strip().split("\n")) {
            assertEquals(List.of(), JsonSchemas.validate("meta-eval-benchmark", line), line);
        }
        for (String line : pred.strip().split("\n")) {
            assertEquals(List.of(), JsonSchemas.validate("meta-eval-prediction", line), line);
        }
        Path benchFile = Files.writeString(dir.resolve(mode.label() + "-bench.jsonl"), bench);
        Path predFile = Files.writeString(dir.resolve(mode.label() + "-pred.jsonl"), pred);
        MetaEvalOptions options =
                MetaEvalOptions.of(mode, "themis", new Scale(1, 5)).withBootstrap(new BootstrapSettings(50, 0.95, 1));
        String json = ReportWriter.json(
                MetaEvaluation.run(benchFile.toString(), predFile.toString(), options, TableReader.LOCAL));
        assertEquals(List.of(), JsonSchemas.validate("meta-eval-report", json), json);
        return MAPPER.readTree(json);
    }

    @Test
    void realPointwiseReportConforms(@TempDir Path dir) throws IOException {
        JsonNode report = realReport(dir, EvalMode.POINTWISE, POINTWISE_BENCH, POINTWISE_PRED);
        // What the example is meant to cover, so a change in the reader cannot make the test pass vacuously.
        assertEquals(7, report.at("/overall/n").asInt());
        assertEquals(2, report.at("/overall/missing").asInt());
        assertEquals(1, report.at("/unmatched_predictions").asInt());
        assertEquals(Set.of("close_qa", "math_qa"), fieldNames(report.get("by_scenario")));
        assertTrue(report.at("/overall/kappa").isNumber());
        // An undefined figure: ReportWriter puts null, and the NON_NULL mapper leaves the entry out; the schema takes
        // both.
        JsonNode undefined = report.at("/by_scenario/math_qa/pearson");
        assertTrue(undefined.isMissingNode() || undefined.isNull(), "math_qa pearson is undefined: " + undefined);
        assertTrue(report.at("/by_scenario/math_qa/ci/pearson/0").isNull(), "an undefined interval end is null");
        assertTrue(report.at("/overall/ci/normalised").isArray());
        assertTrue(report.at("/overall/z").size() > 0);
    }

    @Test
    void realPairwiseReportConforms(@TempDir Path dir) throws IOException {
        JsonNode report = realReport(dir, EvalMode.PAIRWISE, PAIRWISE_BENCH, PAIRWISE_PRED);
        assertEquals(5, report.at("/overall/n").asInt());
        assertEquals(1, report.at("/overall/missing").asInt());
        assertEquals(2, report.at("/overall/missing_swapped").asInt());
        assertTrue(report.at("/overall/positional_agreement").isNumber());
        assertTrue(report.at("/overall/random/accuracy_order_resolved").isNumber());
        assertFalse(report.at("/overall").has("consistency"), "one name per figure: positional_agreement");
        assertFalse(report.has("scale"));
        assertFalse(report.at("/rules").has("rounding"));
    }

    @Test
    void brokenReportsFail(@TempDir Path dir) throws IOException {
        JsonNode pointwise = realReport(dir, EvalMode.POINTWISE, POINTWISE_BENCH, POINTWISE_PRED);
        JsonNode pairwise = realReport(dir, EvalMode.PAIRWISE, PAIRWISE_BENCH, PAIRWISE_PRED);
        assertRejected(pointwise, "accuracy", r -> ((ObjectNode) r.get("overall")).put("accuracy", 1.5));
        assertRejected(pointwise, "mae", r -> ((ObjectNode) r.at("/by_scenario/close_qa")).put("mae", -0.5));
        assertRejected(pointwise, "kappa", r -> ((ObjectNode) r.get("overall")).put("kappa", -1.5));
        assertRejected(pointwise, "f1", r -> ((ObjectNode) r.at("/overall/random")).put("f1", 0.5));
        // The macro figures have no random value, so none can appear in 'random' or in the aggregate.
        assertRejected(pointwise, "macro_f1", r -> ((ObjectNode) r.at("/overall/random")).put("macro_f1", 0.5));
        assertRejected(
                pointwise,
                "normalised_aggregate.metrics",
                r -> ((com.fasterxml.jackson.databind.node.ArrayNode) r.at("/normalised_aggregate/metrics"))
                        .add("macro_f1"));
        assertRejected(
                pointwise,
                "accuracy_avg",
                r -> ((ObjectNode) r.at("/overall/ci"))
                        .putArray("accuracy_avg")
                        .add(0)
                        .add(1));
        assertRejected(pointwise, "normalised", r -> ((ObjectNode) r.get("overall")).put("normalised", 1.5));
        assertRejected(pointwise, "normalised", r -> ((ObjectNode) r.at("/overall/ci")).remove("normalised"));
        assertRejected(
                pointwise,
                "pearson",
                r -> ((ObjectNode) r.at("/overall/ci"))
                        .putArray("pearson")
                        .add(0.5)
                        .addNull());
        assertRejected(
                pairwise, "rounding", r -> ((ObjectNode) r.get("rules")).put("rounding", "only pointwise rounds"));
        assertRejected(pairwise, "swapped_order_given", r -> ((ObjectNode) r).remove("swapped_order_given"));
        assertRejected(pointwise, "missing_examples", r -> ((ObjectNode) r).remove("missing_examples"));
        assertRejected(pointwise, "pred_scale", r -> ((ObjectNode) r).remove("pred_scale"));
        assertRejected(
                pointwise,
                "positional_agreement",
                r -> ((ObjectNode) r.get("overall")).put("positional_agreement", 0.5));
        assertRejected(pairwise, "consistency", r -> ((ObjectNode) r.at("/overall/random")).put("consistency", 0.5));
        assertRejected(pointwise, "agr_2_2", r -> ((ObjectNode) r.at("/by_scenario/close_qa")).remove("agr_2_2"));
        assertRejected(
                pairwise,
                "scale",
                r -> ((ObjectNode) r).putObject("scale").put("min", 1).put("max", 5));
        assertRejected(pairwise, "mae", r -> ((ObjectNode) r.get("overall")).put("mae", 0.5));
        assertRejected(pairwise, "missing_swapped", r -> ((ObjectNode) r.get("overall")).remove("missing_swapped"));
        assertRejected(pairwise, "mode", r -> ((ObjectNode) r).put("mode", "listwise"));
    }

    private static void assertRejected(JsonNode report, String field, java.util.function.Consumer<JsonNode> breakIt) {
        JsonNode copy = report.deepCopy();
        breakIt.accept(copy);
        List<String> messages = JsonSchemas.validate("meta-eval-report", copy);
        assertFalse(messages.isEmpty(), "should reject: " + copy);
        assertTrue(messages.stream().anyMatch(m -> m.contains(field)), "no message names '" + field + "': " + messages);
    }

    @Test
    void metaEvalTableRulesHold() {
        // Exactly one of pred and pred_text is given; the other may be there but blank, as in a CSV with both columns.
        assertTrue(JsonSchemas.validate("meta-eval-prediction", """
        {"id": "q1", "error": "timeout"}""").stream().anyMatch(m -> m.contains("pred_text")));
        assertEquals(List.of(), JsonSchemas.validate("meta-eval-prediction", """
        {"id": "q1", "pred": " ", "pred_text": "[[4]]"}"""));
        assertEquals(List.of(), JsonSchemas.validate("meta-eval-prediction", """
        {"id": 17, "pred": null}"""));
        assertTrue(JsonSchemas.validate("meta-eval-prediction", """
        {"id": "q1", "pred": "four"}""").stream().anyMatch(m -> m.contains("pred")));
        assertTrue(JsonSchemas.validate("meta-eval-prediction", """
        {"id": "p1", "pred": "A", "pred_swapped": "B", "pred_swapped_text": "the better response is [[A]]"}""").stream()
                .anyMatch(m -> m.contains("pred_swapped_text")));
        assertTrue(
                JsonSchemas.validate("meta-eval-prediction", """
        {"id": "p1", "pred": "A", "pred_swapped": 3}""").stream().anyMatch(m -> m.contains("pred_swapped")));
        assertTrue(JsonSchemas.validate("meta-eval-prediction", """
        {"id": " ", "pred": 3}""").stream().anyMatch(m -> m.contains("id")));
        // The benchmark is open (other columns are carried along) but its id and label follow the reader's rules.
        assertEquals(List.of(), JsonSchemas.validate("meta-eval-benchmark", """
        {"id": 3, "human": " 2.5 ", "scenario": null, "anything": {"nested": true}}"""));
        assertTrue(JsonSchemas.validate("meta-eval-benchmark", """
        {"id": "q1", "human": "good"}""").stream().anyMatch(m -> m.contains("human")));
        assertTrue(JsonSchemas.validate("meta-eval-benchmark", """
        {"id": "q1", "human": 3, "response": ["a", "b"]}""").stream().anyMatch(m -> m.contains("response")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

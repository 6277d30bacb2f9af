package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code result} format on Prometheus's recorded GPT-4 judgments and on its grading prompts (research-data README
 * section 6), read in place and never copied into the project. Every item is counted, so a file that changes or a
 * parse that silently skips items fails the test.
 *
 * <p>The released {@code gpt4_feedback} strings are the feedback alone: the dataset moved the {@code [RESULT] n} part
 * into {@code gpt4_score}, and only one of the 1,920 feedbacks still carries a marker. So the test reads the
 * feedbacks both as released (no score may come out but the right one) and as GPT-4 wrote them under the prompt's
 * output format, {@code "Feedback: ... [RESULT] n"}, with the recorded score put back, alone and after the prompt.
 */
class PrometheusJudgmentsParsingTest {
    static final Path PROMETHEUS = Path.of("../../shared/research-data/prometheus");
    static final List<String> GRADED = List.of("mt_bench_eval.json", "vicuna_eval.json");

    final JudgmentParser result = new JudgmentParser(1, 5, "result");

    /** One GPT-4 sample: the grading prompt, the feedback and its recorded score. */
    record Sample(String prompt, String feedback, int score) {}

    List<Sample> samples;

    @BeforeEach
    void read() throws IOException {
        Assumptions.assumeTrue(
                Files.exists(PROMETHEUS),
                "research data absent: " + PROMETHEUS.toAbsolutePath().normalize());
        samples = new ArrayList<>();
        for (String file : GRADED) {
            for (JsonNode item : Json.mapper().readTree(PROMETHEUS.resolve(file).toFile())) {
                for (int i = 0; i < item.get("gpt4_feedback").size(); i++) {
                    samples.add(new Sample(
                            item.get("instruction").asText(),
                            item.get("gpt4_feedback").get(i).asText(),
                            item.get("gpt4_score").get(i).asInt()));
                }
            }
        }
    }

    /** The score read from a text, or {@code null} where the parser found none. */
    Double score(String text) {
        return result.parse(text) instanceof JudgmentParser.Parsed p
                ? p.judgment().score()
                : null;
    }

    @Test
    void theReleasedFeedbacksNeverYieldAWrongScore() {
        int scored = 0;
        List<String> misparses = new ArrayList<>();
        for (Sample s : samples) {
            Double score = score(s.feedback());
            if (score != null) {
                scored++;
                if (score != s.score()) {
                    misparses.add(score + " for recorded " + s.score() + ": " + s.feedback());
                }
            }
        }
        assertEquals(1920, samples.size());
        assertEquals(List.of(), misparses);
        // The one that kept its marker ends "[RESULT] Score: 1."; the rest mention scores ("a score of 5") but hold
        // none.
        assertEquals(1, scored);
    }

    @Test
    void everyFeedbackInThePromptsOutputFormatGivesTheRecordedScore() {
        List<String> outputs = new ArrayList<>();
        List<Integer> recorded = new ArrayList<>();
        for (Sample s : samples) {
            String output = "Feedback: " + s.feedback() + " [RESULT] " + s.score();
            outputs.add(output);
            // The whole transcript: the prompt's quoted "[RESULT] (an integer number between 1 and 5)" must be passed
            // over.
            outputs.add(s.prompt() + output);
            recorded.add(s.score());
            recorded.add(s.score());
        }
        List<String> misparses = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Double score = score(outputs.get(i));
            if (score == null || score != recorded.get(i).doubleValue()) {
                misparses.add(score + " for recorded " + recorded.get(i) + ": " + result.parse(outputs.get(i)));
            }
        }
        assertEquals(2 * 1920, outputs.size());
        assertEquals(List.of(), misparses);
    }

    @Test
    void theGradingPromptsThemselvesYieldNoScore() throws IOException {
        List<String> prompts = new ArrayList<>();
        for (String file : GRADED) {
            for (JsonNode item : Json.mapper().readTree(PROMETHEUS.resolve(file).toFile())) {
                prompts.add(item.get("instruction").asText());
            }
        }
        for (JsonNode item : Json.mapper()
                .readTree(PROMETHEUS.resolve("hhh_alignment_eval.json").toFile())) {
            prompts.add(item.get("chosen_instruction").asText());
            prompts.add(item.get("rejected_instruction").asText());
        }
        List<String> misparses = new ArrayList<>();
        for (String prompt : prompts) {
            if (result.parse(prompt) instanceof JudgmentParser.Parsed parsed) {
                misparses.add(parsed + " from " + prompt.substring(0, 80));
            }
        }
        assertEquals(640 + 442, prompts.size());
        assertEquals(List.of(), misparses);
        assertTrue(
                prompts.stream().allMatch(p -> p.contains("[RESULT] (an integer number between 1 and 5)")),
                "every prompt shows the format placeholder the parser must not read");
    }
}

package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MT-Bench's eight official judge prompts (research-data README section 7), read in place. A prompt echoed into a
 * judge's output must give no score and no verdict: the single prompts show {@code "[[rating]]", for example:
 * "Rating: [[5]]"} and the pair prompts {@code "[[A]]" if assistant A is better, "[[B]]" ...}. A judge answer
 * appended after the prompt must give exactly its own value.
 *
 * <p>Each prompt is used as stored (templates with their {@code {question}} slots) and filled with each of the 80
 * MT-Bench questions, so that real question text (code such as {@code dp = [[0] * (n + 1)]}) sits in the prompt.
 * MT-Bench's model answers are not in the data; the answer and reference slots hold GPT-4's reference answers.
 */
class MtBenchJudgePromptParsingTest {
    static final Path MTBENCH = Path.of("../../shared/research-data/mtbench");
    static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    /** A judge prompt as the judge sees it: system prompt, then the (filled) template. */
    record Prompt(String name, boolean pair, String text) {}

    final List<Prompt> prompts = new ArrayList<>();

    @BeforeEach
    void read() throws IOException {
        Assumptions.assumeTrue(
                Files.exists(MTBENCH),
                "research data absent: " + MTBENCH.toAbsolutePath().normalize());
        List<JsonNode> judges = jsonl("judge_prompts.jsonl");
        List<JsonNode> questions = jsonl("question.jsonl");
        List<JsonNode> references = jsonl("reference_answer_gpt-4.jsonl");
        for (JsonNode judge : judges) {
            String system = judge.get("system_prompt").asText();
            String template = judge.get("prompt_template").asText();
            boolean pair = judge.get("type").asText().equals("pairwise");
            prompts.add(new Prompt(judge.get("name").asText(), pair, system + "\n\n" + template));
            for (int i = 0; i < questions.size(); i++) {
                Map<String, String> slots = slots(
                        questions.get(i),
                        references.get(i % references.size()),
                        references.get((i + 1) % references.size()));
                prompts.add(new Prompt(
                        judge.get("name").asText() + " q"
                                + questions.get(i).get("question_id").asInt(),
                        pair,
                        system + "\n\n" + fill(template, slots)));
            }
        }
    }

    List<JsonNode> jsonl(String file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(MTBENCH.resolve(file))) {
            if (!line.isBlank()) {
                rows.add(Json.mapper().readTree(line));
            }
        }
        return rows;
    }

    static Map<String, String> slots(JsonNode question, JsonNode first, JsonNode second) {
        JsonNode a = first.get("choices").get(0).get("turns");
        JsonNode b = second.get("choices").get(0).get("turns");
        Map<String, String> slots = new HashMap<>();
        slots.put("question", question.get("turns").get(0).asText());
        slots.put("question_1", question.get("turns").get(0).asText());
        slots.put("question_2", question.get("turns").get(1).asText());
        slots.put("ref_answer_1", a.get(0).asText());
        slots.put("ref_answer_2", a.get(1).asText());
        for (String answer : List.of("answer", "answer_1", "answer_a", "answer_a_1")) {
            slots.put(answer, a.get(0).asText());
        }
        slots.put("answer_2", a.get(1).asText());
        slots.put("answer_a_2", a.get(1).asText());
        slots.put("answer_b", b.get(0).asText());
        slots.put("answer_b_1", b.get(0).asText());
        slots.put("answer_b_2", b.get(1).asText());
        return slots;
    }

    /** Python's str.format for plain {name} slots, in one pass so that filled-in text is never re-read. */
    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        return m.replaceAll(r -> Matcher.quoteReplacement(slots.get(r.group(1))));
    }

    List<Prompt> prompts(boolean pair) {
        return prompts.stream().filter(p -> p.pair() == pair).toList();
    }

    @Test
    void singlePromptsYieldNoScore() {
        JudgmentParser last = new JudgmentParser(1, 10, "last");
        List<String> misparses = new ArrayList<>();
        for (Prompt p : prompts(false)) {
            if (last.parse(p.text()) instanceof JudgmentParser.Parsed parsed) {
                misparses.add(p.name() + ": " + parsed);
            }
        }
        assertEquals(4 * 81, prompts(false).size());
        assertEquals(List.of(), misparses);
    }

    @Test
    void pairPromptsYieldNoVerdict() {
        VerdictParser last = new VerdictParser("last");
        List<String> misparses = new ArrayList<>();
        for (Prompt p : prompts(true)) {
            if (last.parse(p.text()) instanceof VerdictParser.Parsed parsed) {
                misparses.add(p.name() + ": " + parsed);
            }
        }
        assertEquals(4 * 81, prompts(true).size());
        assertEquals(List.of(), misparses);
    }

    @Test
    void aRatingAfterEachSinglePromptIsReadExactly() {
        JudgmentParser last = new JudgmentParser(1, 10, "last");
        List<String> misparses = new ArrayList<>();
        List<Prompt> single = prompts(false);
        for (int i = 0; i < single.size(); i++) {
            double rating = 1 + (i % 19) * 0.5; // 1, 1.5, ... 10: whole and decimal ratings over the whole scale
            String output = single.get(i).text() + "\n\nThe answer is correct but thin.\n\nRating: [[" + rating + "]]";
            JudgmentParser.Result r = last.parse(output);
            if (!(r instanceof JudgmentParser.Parsed p && p.judgment().score() == rating)) {
                misparses.add(single.get(i).name() + " rated " + rating + ": " + r);
            }
        }
        assertEquals(324, single.size());
        assertEquals(List.of(), misparses);
    }

    @Test
    void aVerdictAfterEachPairPromptIsReadExactly() {
        VerdictParser last = new VerdictParser("last");
        List<String> misparses = new ArrayList<>();
        List<Prompt> pair = prompts(true);
        Verdict[] verdicts = Verdict.values();
        for (int i = 0; i < pair.size(); i++) {
            Verdict verdict = verdicts[i % verdicts.length];
            String output = pair.get(i).text() + "\n\nBoth answers address the question; one is more precise.\n\n"
                    + verdict.token();
            VerdictParser.Result r = last.parse(output);
            if (!(r instanceof VerdictParser.Parsed p && p.verdict().verdict() == verdict)) {
                misparses.add(pair.get(i).name() + " judged " + verdict + ": " + r);
            }
        }
        assertEquals(324, pair.size());
        assertEquals(List.of(), misparses);
    }
}

package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The judge-pairwise.txt path: the verdict format, and that verdicts follow quality with a small position bias. */
class PairwiseJudgmentPromptTest extends SimulatorHttpTest {
    private static final Pattern VERDICT =
            Pattern.compile("I believe the better response is \\[\\[([ABC])]], and the reasons are as follows\\.");
    private static final Pattern POINT = Pattern.compile("(\\d+)\\. ([^:]+): (.+)");
    private static final List<String> HEADERS = List.of(
            "Strengths of Response A:",
            "Shortcomings of Response A:",
            "Strengths of Response B:",
            "Shortcomings of Response B:");
    private static final List<String> CRITERIA =
            List.of("Relevance", "Helpfulness", "Correctness", "Depth of insight", "Organization");

    /** A parsed comparison; the parser itself asserts the exact layout the pipeline's parser is written against. */
    record Comparison(String verdict, Map<String, List<String>> criteriaBySection) {}

    static Comparison parse(String text) {
        String[] lines = text.split("\n");
        Matcher verdict = VERDICT.matcher(lines[0]);
        assertTrue(verdict.matches(), "first line: " + lines[0]);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (int i = 1; i < lines.length; i++) {
            if (HEADERS.contains(lines[i])) {
                assertEquals(HEADERS.get(sections.size()), lines[i], "headers in order in " + text);
                current = new ArrayList<>();
                sections.put(lines[i], current);
                continue;
            }
            Matcher point = POINT.matcher(lines[i]);
            assertTrue(current != null && point.matches(), "point line: " + lines[i]);
            assertEquals(current.size() + 1, Integer.parseInt(point.group(1)), "numbered from 1: " + text);
            assertTrue(!point.group(3).contains("[["), "points carry no scores: " + lines[i]);
            current.add(point.group(2));
        }
        assertEquals(HEADERS, List.copyOf(sections.keySet()), text);
        sections.values().forEach(points -> assertTrue(!points.isEmpty(), "every section has a point: " + text));
        return new Comparison(verdict.group(1), sections);
    }

    @Test
    void everyReplyHasAValidVerdictAndBothResponsesAssessed() {
        String instruction = "Suggest a weekend plan for a family visiting Lisbon with two young children.";
        String good = client.chat("sim-gpt-4", instruction);
        String weak = client.chat("sim-6b", instruction);
        for (String[] pair : new String[][] {{good, weak}, {weak, good}, {good, good}, {"", weak}, {"", ""}}) {
            String text = client.chat(
                    "sim-scorer", PromptTemplates.judgePairwise("Open QA", CRITERIA, instruction, pair[0], pair[1]));
            Comparison comparison = parse(text);
            comparison
                    .criteriaBySection()
                    .values()
                    .forEach(criteria ->
                            assertTrue(CRITERIA.containsAll(criteria), "criteria come from the prompt: " + criteria));
        }
    }

    @Test
    void theStrongerModelWinsMostPairsInBothOrders() {
        int strongFirstWins = 0;
        int strongSecondWins = 0;
        int weakWins = 0;
        List<String> instructions = instructions();
        for (String instruction : instructions) {
            String strong = client.chat("sim-gpt-4", instruction);
            String weak = client.chat("sim-6b", instruction);
            String first = verdict(instruction, strong, weak, 0);
            String second = verdict(instruction, weak, strong, 0);
            strongFirstWins += first.equals("A") ? 1 : 0;
            strongSecondWins += second.equals("B") ? 1 : 0;
            weakWins += (first.equals("B") ? 1 : 0) + (second.equals("A") ? 1 : 0);
        }
        int n = instructions.size();
        assertTrue(
                strongFirstWins >= 0.9 * n && strongSecondWins >= 0.9 * n,
                "strong shown first wins " + strongFirstWins + ", shown second " + strongSecondWins + " of " + n);
        assertTrue(weakWins <= 0.05 * n, "the weak model won " + weakWins + " of " + 2 * n);
    }

    @Test
    void identicalResponsesTieWithASmallBiasTowardTheFirstPosition() {
        String instruction = "Explain what compound interest is and why it matters for saving.";
        String response = client.chat("sim-72b", instruction);
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("A", 0, "B", 0, "C", 0));
        int rounds = 200;
        for (int seed = 0; seed < rounds; seed++) {
            counts.merge(verdict(instruction, response, response, seed), 1, Integer::sum);
        }
        assertTrue(counts.get("C") >= 0.75 * rounds, "ties " + counts);
        assertTrue(
                counts.get("A") >= 0.05 * rounds && counts.get("A") > 2 * counts.get("B"), "position bias " + counts);
    }

    @Test
    void closeModelsSometimesGetOrderInconsistentVerdicts() {
        int inconsistent = 0;
        int ties = 0;
        List<String> instructions = instructions();
        for (String instruction : instructions) {
            String one = client.chat("sim-gpt-3.5", instruction);
            String other = client.chat("sim-gpt-4", instruction);
            String first = verdict(instruction, one, other, 0);
            String swapped = verdict(instruction, other, one, 0);
            // Consistent means the same response wins in both orders, or both are ties.
            String mirrored = swapped.equals("A") ? "B" : swapped.equals("B") ? "A" : "C";
            inconsistent += first.equals(mirrored) ? 0 : 1;
            ties += (first.equals("C") ? 1 : 0) + (swapped.equals("C") ? 1 : 0);
        }
        assertTrue(
                inconsistent >= 1 && inconsistent <= instructions.size() / 2,
                inconsistent + " of " + instructions.size() + " pairs changed verdict with the order");
        assertTrue(ties >= 1, "close models never tied");
    }

    @Test
    void theSameRequestGetsAByteIdenticalReply() {
        var request = SimulatorClient.chatRequest(
                "sim-scorer",
                PromptTemplates.judgePairwise(
                        "Open QA", CRITERIA, "Name a good book.", "Dune, for its world-building.", "A book."));
        assertEquals(
                client.post("/v1/chat/completions", request).body(),
                client.post("/v1/chat/completions", request).body());
    }

    private static String verdict(String instruction, String a, String b, int seed) {
        var request = SimulatorClient.chatRequest(
                "sim-scorer", PromptTemplates.judgePairwise("Open QA", CRITERIA, instruction, a, b));
        request.put("seed", seed);
        return parse(client.post("/v1/chat/completions", request)
                        .json()
                        .at("/choices/0/message/content")
                        .asText())
                .verdict();
    }

    private static List<String> instructions() {
        return PromptTemplates.openQuestions();
    }
}

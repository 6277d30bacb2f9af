package io.judgeforge.stage.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.CompletionClient;
import io.judgeforge.teacher.LogprobResult;
import io.judgeforge.testing.Outcomes;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IFD from hand-built {@code /v1/completions} echo responses shaped as real servers send them.
 *
 * <p>Each test lists the tokens itself and marks which ones are the answer's, so the expected IFD is
 * computed here from those tokens' log-probabilities alone, independently of how the scorer aligns
 * tokens to text. {@code text_offset} is built as vLLM builds it: a running sum of the decoded
 * tokens' lengths in Python code points, from the first returned token (a BOS included).
 */
class DifficultyScorerTest {
    static final String MARKER = "### Response:";
    static final String BOS = "<|begin_of_text|>";
    static final String FFFD = "\uFFFD";

    /** One returned token: its text, log-probability, and whether the test knows it is an answer token. */
    record Tok(String text, Double logprob, boolean answer) {}

    static Tok bos() {
        return new Tok(BOS, null, false);
    }

    static Tok first(String text) {
        return new Tok(text, null, false);
    }

    static Tok q(String text, double logprob) {
        return new Tok(text, logprob, false);
    }

    static Tok a(String text, double logprob) {
        return new Tok(text, logprob, true);
    }

    /** The token generated after the prompt (max_tokens 1): never part of the answer. */
    static Tok gen(String text, double logprob) {
        return new Tok(text, logprob, false);
    }

    /** An echo as vLLM returns it: offsets are running sums of Python code-point lengths. */
    static LogprobResult vllm(List<Tok> toks, long promptTokens) {
        List<String> tokens = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int offset = 0;
        for (Tok t : toks) {
            tokens.add(t.text());
            logprobs.add(t.logprob());
            offsets.add(offset);
            offset += t.text().codePointCount(0, t.text().length());
        }
        return new LogprobResult(CallOutcome.OK, tokens, logprobs, offsets, 1, 1, promptTokens, null, false, 0);
    }

    static LogprobResult failed(CallOutcome outcome, String error) {
        return new LogprobResult(outcome, null, null, null, 1, 1, 0, error, false, 0);
    }

    /** The reference: mean NLL of the tokens the test marked as the answer's. */
    static double answerLoss(List<Tok> toks) {
        double sum = 0;
        int n = 0;
        for (Tok t : toks) {
            if (t.answer()) {
                sum += -t.logprob();
                n++;
            }
        }
        return sum / n;
    }

    static long answerCount(List<Tok> toks) {
        return toks.stream().filter(Tok::answer).count();
    }

    /** The concatenated texts of the tokens from {@code from} to {@code to} (a check on the test's own token lists). */
    static String join(List<Tok> toks, int from, int to) {
        StringBuilder sb = new StringBuilder();
        toks.subList(from, to).forEach(t -> sb.append(t.text()));
        return sb.toString();
    }

    static Judgment judgment(String prompt, String target) {
        return Judgment.builder()
                .id("jdg-1")
                .responseId("r1")
                .instructionId("i1")
                .scenario("close_qa")
                .mode("single")
                .answerModel("m")
                .prompt(prompt)
                .output(target)
                .target(target)
                .score(4)
                .templateVersion("v1")
                .teacherModel("teacher")
                .requestHash("hash")
                .build();
    }

    /** A scorer whose two calls are answered from {@code replies}, by prompt text. */
    static ItemOutcome<IfdScore> score(int maxLength, Judgment j, Map<String, LogprobResult> replies) {
        DifficultyScorer scorer = new DifficultyScorer(
                new IfdCalculator(MARKER, maxLength), new CompletionClient.ScorerCall("scorer", "scorer-model"));
        return scorer.score(j, (call, prompt) -> {
            LogprobResult r = replies.get(prompt);
            if (r == null) {
                throw new AssertionError("unexpected prompt " + prompt);
            }
            return r;
        });
    }

    static IfdScore scored(ItemOutcome<IfdScore> result) {
        assertEquals(ItemStatus.OUT, result.status(), Outcomes.reason(result) + ": " + Outcomes.detail(result));
        return result.records().get(0);
    }

    static void assertIfd(List<Tok> conditioned, List<Tok> direct, IfdScore s) {
        assertEquals(answerLoss(conditioned), s.conditionedLoss(), 1e-12);
        assertEquals(answerLoss(direct), s.directLoss(), 1e-12);
        assertEquals(answerLoss(conditioned) / answerLoss(direct), s.ifd(), 1e-12);
        assertEquals(answerCount(conditioned), s.answerTokens());
    }

    // (a) An OpenAI-style server without a BOS: the first prompt token has no log-probability.
    @Test
    void gptStyleTokensWithoutBos() {
        String instruction = "Capital of France?";
        String answer = "Paris is big";
        List<Tok> withQ = List.of(
                first("Capital"),
                q(" of", -3.0),
                q(" France", -2.0),
                q("?", -1.0),
                q("\n\n", -0.5),
                q("###", -0.4),
                q(" Response", -0.3),
                q(":\n", -0.2),
                a("Paris", -0.5),
                a(" is", -1.0),
                a(" big", -1.5),
                gen(".", -0.1));
        List<Tok> alone = List.of(
                first("###"),
                q(" Response", -2.0),
                q(":\n", -0.7),
                a("Paris", -4.0),
                a(" is", -2.0),
                a(" big", -3.0),
                gen(".", -0.2));
        Judgment j = judgment(instruction, answer);
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        assertEquals(calc.conditionedText(instruction, answer), join(withQ, 0, withQ.size() - 1));
        assertEquals(calc.directText(answer), join(alone, 0, alone.size() - 1));
        IfdScore s = scored(score(
                100,
                j,
                Map.of(
                        calc.conditionedText(instruction, answer),
                        vllm(withQ, withQ.size() - 1),
                        calc.directText(answer),
                        vllm(alone, alone.size() - 1))));
        assertIfd(withQ, alone, s);
        assertEquals(1.0 / 3.0, s.ifd(), 1e-12);
    }

    // (b) vLLM with a Llama-3 tokenizer: BOS first, offsets include the BOS text's length.
    static final String PRIME_Q = "Name a prime.";
    static final String PRIME_A = "Seven is a prime number.";

    static List<Tok> primeConditioned() {
        return List.of(
                bos(),
                q("Name", -3.0),
                q(" a", -1.0),
                q(" prime", -2.0),
                q(".\n\n", -2.0),
                q("###", -1.2),
                q(" Response", -0.1),
                q(":\n", -0.2),
                a("Seven", -0.5),
                a(" is", -0.1),
                a(" a", -0.2),
                a(" prime", -0.1),
                a(" number", -0.3),
                a(".", -0.1),
                gen(" It", -1.0));
    }

    static List<Tok> primeDirect() {
        return List.of(
                bos(),
                q("###", -6.0),
                q(" Response", -2.5),
                q(":\n", -0.3125),
                a("Seven", -3.0),
                a(" is", -1.0),
                a(" a", -1.0),
                a(" prime", -1.5),
                a(" number", -1.0),
                a(".", -0.5),
                gen(" It", -1.0));
    }

    /** What a window of text_offset in [answer start, text length), in Java chars, gives: the old rule. */
    static double offsetWindowLoss(LogprobResult r, int answerStart, int length) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < r.tokens().size(); i++) {
            int offset = r.textOffsets().get(i);
            if (offset >= answerStart && offset < length) {
                sum += -r.tokenLogprobs().get(i);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void llama3BosBodyWithCodePointOffsets() {
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        String conditioned = calc.conditionedText(PRIME_Q, PRIME_A);
        String direct = calc.directText(PRIME_A);
        List<Tok> withQ = primeConditioned();
        List<Tok> alone = primeDirect();
        assertEquals(conditioned, join(withQ, 1, withQ.size() - 1));
        assertEquals(direct, join(alone, 1, alone.size() - 1));
        // usage.prompt_tokens counts the BOS.
        LogprobResult rq = vllm(withQ, withQ.size() - 1);
        LogprobResult ra = vllm(alone, alone.size() - 1);

        // The example is discriminating: the text_offset window gives 0.267, the answer's tokens 0.1625.
        double oldIfd = offsetWindowLoss(rq, conditioned.length() - PRIME_A.length(), conditioned.length())
                / offsetWindowLoss(ra, direct.length() - PRIME_A.length(), direct.length());
        assertEquals(0.2667, oldIfd, 1e-4);
        assertEquals(0.1625, answerLoss(withQ) / answerLoss(alone), 1e-12);

        IfdScore s = scored(score(100, judgment(PRIME_Q, PRIME_A), Map.of(conditioned, rq, direct, ra)));
        assertIfd(withQ, alone, s);
        assertNotEquals(oldIfd, s.ifd(), 1e-3);
    }

    /** A vLLM completions body for {@code toks}: echoed text without the BOS, code-point offsets, usage with it. */
    static String vllmBody(String prompt, List<Tok> toks, int promptTokens) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", "cmpl-1").put("object", "text_completion").put("model", "scorer-model");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("text", prompt + toks.get(toks.size() - 1).text());
        ObjectNode logprobs = choice.putObject("logprobs");
        ArrayNode offsets = logprobs.putArray("text_offset");
        ArrayNode values = logprobs.putArray("token_logprobs");
        ArrayNode tokens = logprobs.putArray("tokens");
        ArrayNode top = logprobs.putArray("top_logprobs");
        LogprobResult r = vllm(toks, promptTokens);
        for (int i = 0; i < toks.size(); i++) {
            offsets.add(r.textOffsets().get(i));
            if (toks.get(i).logprob() == null) {
                values.addNull();
                top.addNull();
            } else {
                values.add(toks.get(i).logprob());
                top.addObject().put(toks.get(i).text(), toks.get(i).logprob());
            }
            tokens.add(toks.get(i).text());
        }
        choice.put("finish_reason", "length");
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", 1)
                .put("total_tokens", promptTokens + 1);
        return Json.write(body);
    }

    @Test
    void llama3BodyThroughTheEndpointClient() {
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        try (ScriptedEndpoint server = new ScriptedEndpoint()) {
            server.reply(200, vllmBody(calc.conditionedText(PRIME_Q, PRIME_A), primeConditioned(), 14), Map.of())
                    .reply(200, vllmBody(calc.directText(PRIME_A), primeDirect(), 10), Map.of());
            DifficultyScorer scorer =
                    new DifficultyScorer(calc, new CompletionClient.ScorerCall("scorer", "scorer-model"));
            IfdScore s = scored(scorer.score(judgment(PRIME_Q, PRIME_A), server.client()));
            assertIfd(primeConditioned(), primeDirect(), s);
            assertEquals(0.1625, s.ifd(), 1e-12);
        }
    }

    // (c) An emoji is one Python code point but two Java chars.
    @Test
    void emojiInTheAnswer() {
        String instruction = "Praise me.";
        String answer = "Well done \uD83D\uDC4D";
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        List<Tok> withQ = List.of(
                first("Pra"),
                q("ise", -2.0),
                q(" me", -1.0),
                q(".\n\n", -1.5),
                q("###", -0.5),
                q(" Response", -0.2),
                q(":\n", -0.1),
                a("Well", -0.4),
                a(" done", -0.2),
                a(" \uD83D\uDC4D", -0.6),
                gen("\n", -7.0));
        List<Tok> alone = List.of(
                first("###"),
                q(" Response", -1.0),
                q(":\n", -0.5),
                a("Well", -1.2),
                a(" done", -0.8),
                a(" \uD83D\uDC4D", -1.0),
                gen("\n", -6.0));
        assertEquals(calc.conditionedText(instruction, answer), join(withQ, 0, withQ.size() - 1));
        assertEquals(calc.directText(answer), join(alone, 0, alone.size() - 1));
        IfdScore s = scored(score(
                100,
                judgment(instruction, answer),
                Map.of(
                        calc.conditionedText(instruction, answer),
                        vllm(withQ, withQ.size() - 1),
                        calc.directText(answer),
                        vllm(alone, alone.size() - 1))));
        assertIfd(withQ, alone, s);
    }

    // (d) A CJK character (U+946B, 3 UTF-8 bytes) as three byte tokens, each decoded alone as U+FFFD.
    @Test
    void cjkCharacterSplitIntoByteTokensAtTheEndOfTheAnswer() {
        String instruction = "Write the character for prosperity.";
        String answer = "It is \u946B";
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        List<Tok> withQ = List.of(
                first("Write"),
                q(" the", -1.0),
                q(" character", -2.0),
                q(" for", -0.5),
                q(" prosperity", -3.0),
                q(".\n\n", -1.0),
                q("###", -0.6),
                q(" Response", -0.2),
                q(":\n", -0.1),
                a("It", -0.3),
                a(" is", -0.2),
                a(" ", -0.4),
                a(FFFD, -1.5),
                a(FFFD, -0.05),
                a(FFFD, -0.01),
                gen("\n", -5.0));
        List<Tok> alone = List.of(
                first("###"),
                q(" Response", -1.0),
                q(":\n", -0.5),
                a("It", -2.0),
                a(" is", -0.7),
                a(" ", -0.9),
                a(FFFD, -4.0),
                a(FFFD, -0.3),
                a(FFFD, -0.2),
                gen("\n", -5.0));
        IfdScore s = scored(score(
                100,
                judgment(instruction, answer),
                Map.of(
                        calc.conditionedText(instruction, answer),
                        vllm(withQ, withQ.size() - 1),
                        calc.directText(answer),
                        vllm(alone, alone.size() - 1))));
        assertIfd(withQ, alone, s);
        assertEquals(6, s.answerTokens());
    }

    // (e) The token generated after the prompt never counts, with or without usage.prompt_tokens.
    @Test
    void theGeneratedTokenNeverCounts() {
        // An emoji in the instruction shifts every later code-point offset one below its Java index.
        String instruction = "Say hi \uD83D\uDE00";
        String answer = "Hi there";
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        List<Tok> withQ = List.of(
                first("Say"),
                q(" hi", -1.0),
                q(" \uD83D\uDE00", -2.0),
                q("\n\n", -0.5),
                q("###", -0.4),
                q(" Response", -0.2),
                q(":\n", -0.1),
                a("Hi", -0.8),
                a(" there", -0.4),
                gen("!", -30.0));
        List<Tok> alone = List.of(
                first("###"), q(" Response", -1.0), q(":\n", -0.5), a("Hi", -1.6), a(" there", -1.2), gen("!", -30.0));
        String conditioned = calc.conditionedText(instruction, answer);
        String direct = calc.directText(answer);
        assertEquals(conditioned, join(withQ, 0, withQ.size() - 1));
        for (boolean usageKnown : new boolean[] {true, false}) {
            IfdScore s = scored(score(
                    100,
                    judgment(instruction, answer),
                    Map.of(
                            conditioned,
                            vllm(withQ, usageKnown ? withQ.size() - 1 : 0),
                            direct,
                            vllm(alone, usageKnown ? alone.size() - 1 : 0))));
            assertIfd(withQ, alone, s);
        }
    }

    // (f) Tokens that do not spell the prompt: filtered, never scored.
    @Test
    void unalignableTokensAreFilteredAsIfdUnaligned() {
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        String conditioned = calc.conditionedText(PRIME_Q, PRIME_A);
        String direct = calc.directText(PRIME_A);
        // vLLM with --return-tokens-as-token-ids: no token text at all.
        List<Tok> ids = new ArrayList<>();
        ids.add(first("token_id:128000"));
        for (int i = 0; i < 14; i++) {
            ids.add(q("token_id:" + (1000 + i), -1.0 - i / 10.0));
        }
        // An old vLLM that returned raw byte-level BPE pieces (convert_ids_to_tokens): "Ġ" for a space, "Ċ" for "\n".
        List<Tok> raw = List.of(
                bos(),
                q("Name", -3.0),
                q("Ġa", -1.0),
                q("Ġprime", -2.0),
                q(".ĊĊ", -2.0),
                q("###", -1.2),
                q("ĠResponse", -0.1),
                q(":Ċ", -0.2),
                q("Seven", -0.5),
                q("Ġis", -0.1),
                q("Ġa", -0.2),
                q("Ġprime", -0.1),
                q("Ġnumber", -0.3),
                q(".", -0.1),
                gen("ĠIt", -1.0));
        for (List<Tok> toks : List.of(ids, raw)) {
            Map<String, LogprobResult> replies = new HashMap<>();
            replies.put(conditioned, vllm(toks, toks.size() - 1));
            replies.put(direct, vllm(primeDirect(), primeDirect().size() - 1));
            ItemOutcome<IfdScore> r = score(100, judgment(PRIME_Q, PRIME_A), replies);
            assertEquals(ItemStatus.FILTERED, r.status(), String.valueOf(r.records()));
            assertEquals("ifd_unaligned", Outcomes.reason(r));
        }
        // The direct text unaligned: filtered too.
        Map<String, LogprobResult> replies = Map.of(conditioned, vllm(primeConditioned(), 14), direct, vllm(raw, 14));
        ItemOutcome<IfdScore> r = score(100, judgment(PRIME_Q, PRIME_A), replies);
        assertEquals(ItemStatus.FILTERED, r.status());
        assertEquals("ifd_unaligned", Outcomes.reason(r));
    }

    // (g) The server refuses a prompt over the model's context: filtered as too_long, for either call.
    @Test
    void contextTooLongFromTheServerIsFilteredTooLong() {
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        String conditioned = calc.conditionedText(PRIME_Q, PRIME_A);
        String direct = calc.directText(PRIME_A);
        LogprobResult refused = failed(
                CallOutcome.CONTEXT_TOO_LONG,
                "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens");
        ItemOutcome<IfdScore> first = score(100, judgment(PRIME_Q, PRIME_A), Map.of(conditioned, refused));
        assertEquals(ItemStatus.FILTERED, first.status());
        assertEquals("too_long", Outcomes.reason(first));
        ItemOutcome<IfdScore> second = score(
                100, judgment(PRIME_Q, PRIME_A), Map.of(conditioned, vllm(primeConditioned(), 14), direct, refused));
        assertEquals(ItemStatus.FILTERED, second.status());
        assertEquals("too_long", Outcomes.reason(second));
        // Any other failed call is still quarantined with its outcome.
        ItemOutcome<IfdScore> other = score(
                100, judgment(PRIME_Q, PRIME_A), Map.of(conditioned, failed(CallOutcome.BAD_REQUEST, "HTTP 400")));
        assertEquals(ItemStatus.QUARANTINED, other.status());
        assertEquals("bad_request", Outcomes.reason(other));
    }

    // The length rule counts prompt tokens, the BOS included: usage.prompt_tokens, or the aligned tokens without it.
    @Test
    void tooLongCountsThePromptTokensWithTheBos() {
        IfdCalculator calc = new IfdCalculator(MARKER, 100);
        String conditioned = calc.conditionedText(PRIME_Q, PRIME_A);
        String direct = calc.directText(PRIME_A);
        List<Tok> withQ = primeConditioned();
        int promptTokens = withQ.size() - 1; // 14 with the BOS, 13 text tokens
        for (long usage : new long[] {promptTokens, 0}) {
            Map<String, LogprobResult> replies =
                    Map.of(conditioned, vllm(withQ, usage), direct, vllm(primeDirect(), usage == 0 ? 0 : 10));
            ItemOutcome<IfdScore> over = score(promptTokens - 1, judgment(PRIME_Q, PRIME_A), replies);
            assertEquals(ItemStatus.FILTERED, over.status(), "usage " + usage);
            assertEquals("too_long", Outcomes.reason(over));
            ItemOutcome<IfdScore> fits = score(promptTokens, judgment(PRIME_Q, PRIME_A), replies);
            assertEquals(
                    ItemStatus.OUT,
                    fits.status(),
                    "usage " + usage + ": " + Outcomes.reason(fits) + " " + Outcomes.detail(fits));
            assertTrue(fits.records().get(0).ifd() > 0);
        }
    }
}

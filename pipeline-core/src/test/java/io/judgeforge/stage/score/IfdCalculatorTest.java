package io.judgeforge.stage.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.LogprobResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfdCalculatorTest {
    final IfdCalculator calc = new IfdCalculator("### Response:", 100);

    /** A fake echo: the text cut at the given token boundaries, with the given log-probs; every token a prompt token. */
    static LogprobResult echo(String text, int[] starts, Double... logprobs) {
        return echo(starts.length, text, starts, logprobs);
    }

    static LogprobResult echo(long promptTokens, String text, int[] starts, Double... logprobs) {
        List<String> tokens = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            tokens.add(text.substring(starts[i], end));
            offsets.add(starts[i]);
        }
        return new LogprobResult(
                CallOutcome.OK, tokens, Arrays.asList(logprobs), offsets, 1, 1, promptTokens, null, false, 0);
    }

    @Test
    void textsFollowTheWizTemplate() {
        assertEquals("Q?\n\n### Response:\nA.", calc.conditionedText("Q?", "A."));
        assertEquals("### Response:\nA.", calc.directText("A."));
    }

    @Test
    void ifdIsTheRatioOfMeanAnswerLosses() {
        String answer = "Paris is big";
        String conditioned = calc.conditionedText("Capital of France?", answer);
        int a = conditioned.length() - answer.length();
        // Tokens: prompt tokens (ignored), then "Paris", " is", " big".
        LogprobResult withQ = echo(conditioned, new int[] {0, 8, a, a + 5, a + 8}, null, -3.0, -0.5, -1.0, -1.5);
        String direct = calc.directText(answer);
        int d = direct.length() - answer.length();
        LogprobResult alone = echo(direct, new int[] {0, d, d + 5, d + 8}, null, -4.0, -2.0, -3.0);
        double sAQ = IfdCalculator.meanAnswerLoss(IfdCalculator.align(withQ, conditioned), a)
                .getAsDouble();
        double sA = IfdCalculator.meanAnswerLoss(IfdCalculator.align(alone, direct), d)
                .getAsDouble();
        assertEquals((0.5 + 1.0 + 1.5) / 3, sAQ, 1e-12);
        assertEquals((4.0 + 2.0 + 3.0) / 3, sA, 1e-12);
        assertEquals(3, IfdCalculator.answerTokens(IfdCalculator.align(withQ, conditioned), a));
        assertEquals(1.0 / 3.0, sAQ / sA, 1e-12);
    }

    /** The rule for a token that starts before the answer and runs into it: not an answer token. */
    @Test
    void aTokenStraddlingTheAnswerStartIsNotAnAnswerToken() {
        String answer = "The end";
        String conditioned = calc.conditionedText("Q?", answer);
        int a = conditioned.length() - answer.length();
        // Tokens "Q", "?", "\n\n###", " Response", ":", "\nThe", " end": "\nThe" starts one char before the answer.
        int[] starts = {0, 1, 2, 7, 16, a - 1, a + 3};
        assertEquals("\nThe", conditioned.substring(starts[5], starts[6]));
        LogprobResult r = echo(conditioned, starts, null, -1.0, -1.0, -1.0, -1.0, -5.0, -0.25);
        PromptTokenAlignment tokens = IfdCalculator.align(r, conditioned);
        assertEquals(1, IfdCalculator.answerTokens(tokens, a));
        assertEquals(0.25, IfdCalculator.meanAnswerLoss(tokens, a).getAsDouble(), 1e-12);
    }

    @Test
    void generatedTokensAfterThePromptAreNotCounted() {
        String answer = "ok";
        String direct = calc.directText(answer);
        int d = direct.length() - answer.length();
        // The server echoed the prompt and generated one more token at offset == text length.
        for (long usage : new long[] {2, 0}) {
            LogprobResult r = echo(usage, direct + " more", new int[] {0, d, direct.length()}, null, -2.0, -9.0);
            assertEquals(
                    2.0,
                    IfdCalculator.meanAnswerLoss(IfdCalculator.align(r, direct), d)
                            .getAsDouble(),
                    1e-12);
        }
    }

    @Test
    void undefinedWithoutAnswerTokensOrWhenTooLong() {
        String direct = calc.directText("");
        assertTrue(IfdCalculator.meanAnswerLoss(
                        IfdCalculator.align(echo(direct, new int[] {0}, (Double) null), direct), direct.length())
                .isEmpty());
        IfdCalculator tiny = new IfdCalculator("### Response:", 2);
        String text = tiny.conditionedText("Q", "A");
        LogprobResult r = echo(0, text, new int[] {0, 1, 3}, null, -1.0, -1.0);
        assertEquals(3, IfdCalculator.promptTokens(r, IfdCalculator.align(r, text)));
        assertTrue(tiny.tooLong(3));
        assertFalse(tiny.tooLong(2));
    }
}

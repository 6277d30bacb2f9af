package io.judgeforge.stage.score;

import io.judgeforge.stage.score.PromptTokenAlignment.TokenSpan;
import io.judgeforge.teacher.LogprobResult;
import java.io.Serializable;
import java.util.OptionalDouble;

/**
 * The IFD arithmetic of Cherry LLM (Li et al., NAACL 2024), with texts sent to a completions
 * endpoint for their token log-probabilities:
 *
 * <ul>
 *   <li>conditioned text = instruction + "\n\n" + response marker + "\n" + answer;
 *   <li>direct text = response marker + "\n" + answer, so both condition on the marker;
 *   <li>s = mean negative log-probability of the answer tokens;
 *   <li>IFD = s(A|Q) / s(A).
 * </ul>
 *
 * <p>Tokens are placed in the text by {@link PromptTokenAlignment}, from their texts, never from
 * {@code text_offset}. An answer token is a prompt token whose span starts at or after the answer's
 * first char. Prefix tokens (a BOS) and the generated token are never answer tokens. A token that
 * starts before the answer and runs into it (say "\nThe" across "...:\n" | "The") is not an answer
 * token: its log-probability is mostly that of the marker's text.
 *
 * <p>Cherry LLM instead tokenizes the text before the answer on its own and masks that many leading
 * tokens. The two rules agree when that text tokenizes the same on its own as inside the whole text,
 * and when a straddling token takes the place of the text's last token (its "\n"). Then the token
 * at that index is the straddling one, and both rules leave it out. They differ only when the merge
 * at the boundary changes the token count. Then Cherry's count can also mask a real answer token,
 * or count one that starts in the marker. Ours goes by text position and needs no second
 * tokenization (we have no tokenizer here). Both texts end in the same "marker\nanswer", so a
 * straddle at the boundary is the same in both calls.
 *
 * <p>Undefined (the record is filtered with the reason) when the conditioned text has more than
 * {@code maxLength} prompt tokens, when the tokens do not align to the text, when the answer has no
 * tokens, or when s(A) is 0.
 */
public final class IfdCalculator implements Serializable {
    private final String responseMarker;
    private final int maxLength;

    public IfdCalculator(String responseMarker, int maxLength) {
        this.responseMarker = responseMarker;
        this.maxLength = maxLength;
    }

    public String conditionedText(String instruction, String answer) {
        return instruction + "\n\n" + directText(answer);
    }

    public String directText(String answer) {
        return responseMarker + "\n" + answer;
    }

    /** The tokens of {@code result} placed in {@code text}, the prompt it echoes. */
    public static PromptTokenAlignment align(LogprobResult result, String text) {
        return PromptTokenAlignment.align(text, result.tokens(), result.tokenLogprobs(), result.promptTokens());
    }

    /**
     * The prompt's token count, a BOS included: usage's {@code prompt_tokens} when the server gave it,
     * else the aligned prompt tokens; -1 when neither is known.
     */
    public static long promptTokens(LogprobResult result, PromptTokenAlignment alignment) {
        if (result.promptTokens() > 0) {
            return result.promptTokens();
        }
        return alignment.aligned() ? alignment.promptTokenCount() : -1;
    }

    /** Whether a text of {@code promptTokens} tokens (see {@link #promptTokens}) is over score.max-length. */
    public boolean tooLong(long promptTokens) {
        return promptTokens > maxLength;
    }

    /**
     * Mean NLL of the answer tokens: prompt tokens, not prefix tokens, whose span starts at or after
     * {@code answerStart}. Empty when there are none, or one has no log-probability.
     */
    public static OptionalDouble meanAnswerLoss(PromptTokenAlignment alignment, int answerStart) {
        double sum = 0;
        int n = 0;
        for (TokenSpan t : alignment.spans()) {
            if (isAnswer(t, answerStart)) {
                if (t.logprob() == null) {
                    return OptionalDouble.empty();
                }
                sum += -t.logprob();
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    public static int answerTokens(PromptTokenAlignment alignment, int answerStart) {
        int n = 0;
        for (TokenSpan t : alignment.spans()) {
            if (isAnswer(t, answerStart)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isAnswer(TokenSpan t, int answerStart) {
        return !t.prefix() && t.start() >= answerStart;
    }
}

package io.judgeforge.stage.score;

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
 *   <li>s = mean negative log-probability of the tokens that start inside the answer;
 *   <li>IFD = s(A|Q) / s(A).
 * </ul>
 *
 * Undefined (the record is filtered with the reason) when the conditioned text has more than
 * {@code maxLength} tokens, when the answer has no tokens, or when s(A) is 0.
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

  /** Tokens of a scored text, for the length rule. */
  public boolean tooLong(LogprobResult conditioned, String conditionedText) {
    int inside = 0;
    for (int offset : conditioned.textOffsets()) {
      if (offset < conditionedText.length()) {
        inside++;
      }
    }
    return inside > maxLength;
  }

  /** Mean NLL of the tokens that start within [answerStart, textLength); empty when there are none. */
  public static OptionalDouble meanAnswerLoss(LogprobResult result, int answerStart, int textLength) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < result.tokens().size(); i++) {
      int offset = result.textOffsets().get(i);
      Double lp = result.tokenLogprobs().get(i);
      if (offset >= answerStart && offset < textLength) {
        if (lp == null) {
          return OptionalDouble.empty();
        }
        sum += -lp;
        n++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }

  public static int answerTokens(LogprobResult result, int answerStart, int textLength) {
    int n = 0;
    for (int offset : result.textOffsets()) {
      if (offset >= answerStart && offset < textLength) {
        n++;
      }
    }
    return n;
  }
}

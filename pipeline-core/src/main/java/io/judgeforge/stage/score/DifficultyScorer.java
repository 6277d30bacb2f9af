package io.judgeforge.stage.score;

import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.CompletionClient;
import io.judgeforge.teacher.LogprobResult;
import java.io.Serializable;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Scores one judge record's IFD with two log-likelihood requests (with and without the judge prompt).
 *
 * <p>Filtered, not quarantined: {@code too_long} when the conditioned text has more than
 * score.max-length prompt tokens, or when the server refuses either text as over the model's context
 * ({@link CallOutcome#CONTEXT_TOO_LONG}); {@code ifd_unaligned} when the returned tokens do not spell
 * the text (see {@link PromptTokenAlignment}); {@code ifd_undefined} when no answer token has a
 * log-probability or the direct loss is 0. Any other failed call is quarantined with its outcome.
 */
public final class DifficultyScorer implements Serializable {
    private final IfdCalculator calculator;
    private final CompletionClient.ScorerCall call;

    public DifficultyScorer(IfdCalculator calculator, CompletionClient.ScorerCall call) {
        this.calculator = calculator;
        this.call = call;
    }

    /** {@code client}: the run's endpoints, or a test's hand-built responses. */
    public ItemOutcome<IfdScore> score(Judgment judgment, CompletionClient client) {
        String answer = judgment.target();
        String conditioned = calculator.conditionedText(judgment.prompt(), answer);
        String direct = calculator.directText(answer);
        LogprobResult withPrompt = client.promptLogprobs(call, conditioned);
        CallUsage usage = CallUsage.of(withPrompt);
        if (!withPrompt.ok()) {
            return failed("conditioned", withPrompt, usage);
        }
        PromptTokenAlignment conditionedTokens = IfdCalculator.align(withPrompt, conditioned);
        long promptTokens = IfdCalculator.promptTokens(withPrompt, conditionedTokens);
        if (promptTokens >= 0 && calculator.tooLong(promptTokens)) {
            return ItemOutcome.filtered(
                    RejectReason.TOO_LONG,
                    "conditioned text has " + promptTokens + " tokens, more than score.max-length",
                    usage);
        }
        if (!conditionedTokens.aligned()) {
            return ItemOutcome.filtered(
                    RejectReason.IFD_UNALIGNED, "conditioned text: " + conditionedTokens.failure(), usage);
        }
        LogprobResult alone = client.promptLogprobs(call, direct);
        usage = usage.plus(CallUsage.of(alone));
        if (!alone.ok()) {
            return failed("direct", alone, usage);
        }
        PromptTokenAlignment directTokens = IfdCalculator.align(alone, direct);
        if (!directTokens.aligned()) {
            return ItemOutcome.filtered(RejectReason.IFD_UNALIGNED, "direct text: " + directTokens.failure(), usage);
        }
        int conditionedAnswerStart = conditioned.length() - answer.length();
        int directAnswerStart = direct.length() - answer.length();
        OptionalDouble conditionedLoss = IfdCalculator.meanAnswerLoss(conditionedTokens, conditionedAnswerStart);
        OptionalDouble directLoss = IfdCalculator.meanAnswerLoss(directTokens, directAnswerStart);
        if (conditionedLoss.isEmpty() || directLoss.isEmpty()) {
            return ItemOutcome.filtered(RejectReason.IFD_UNDEFINED, "no answer tokens with log-probabilities", usage);
        }
        if (directLoss.getAsDouble() <= 0) {
            return ItemOutcome.filtered(RejectReason.IFD_UNDEFINED, "direct answer loss is 0", usage);
        }
        int tokens = IfdCalculator.answerTokens(conditionedTokens, conditionedAnswerStart);
        return ItemOutcome.out(
                List.of(new IfdScore(
                        judgment.id(),
                        judgment.scenario(),
                        judgment.mode(),
                        judgment.label(),
                        judgment.pairId(),
                        conditionedLoss.getAsDouble(),
                        directLoss.getAsDouble(),
                        conditionedLoss.getAsDouble() / directLoss.getAsDouble(),
                        tokens)),
                usage);
    }

    /** A failed call: over the model's context is the too_long rule; anything else goes the usual way. */
    private static ItemOutcome<IfdScore> failed(String text, LogprobResult result, CallUsage usage) {
        if (result.outcome() == CallOutcome.CONTEXT_TOO_LONG) {
            return ItemOutcome.filtered(
                    RejectReason.TOO_LONG, text + " text is over the model's context: " + result.error(), usage);
        }
        return ItemOutcome.failedCall(result.outcome(), result.error(), usage);
    }
}

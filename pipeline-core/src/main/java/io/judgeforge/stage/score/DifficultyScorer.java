package io.judgeforge.stage.score;

import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemResult;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.LogprobResult;
import io.judgeforge.teacher.TeacherClient;
import java.io.Serializable;
import java.util.List;
import java.util.OptionalDouble;

/** Scores one judge record's IFD with two log-likelihood requests (with and without the judge prompt). */
public final class DifficultyScorer implements Serializable {
  private final IfdCalculator calculator;
  private final String model;

  public DifficultyScorer(IfdCalculator calculator, String model) {
    this.calculator = calculator;
    this.model = model;
  }

  /** Where the log-probabilities of a prompt come from: a teacher client, or a test's hand-built responses. */
  @FunctionalInterface
  public interface LogprobSource {
    LogprobResult promptLogprobs(String model, String prompt);
  }

  public ItemResult<IfdScore> score(Judgment judgment, TeacherClient client) {
    return score(judgment, client::promptLogprobs);
  }

  public ItemResult<IfdScore> score(Judgment judgment, LogprobSource client) {
    String answer = judgment.target();
    String conditioned = calculator.conditionedText(judgment.prompt(), answer);
    String direct = calculator.directText(answer);
    LogprobResult withPrompt = client.promptLogprobs(model, conditioned);
    CallUsage usage = CallUsage.of(withPrompt);
    if (!withPrompt.ok()) {
      return ItemResult.failedCall(withPrompt.outcome(), withPrompt.error(), usage);
    }
    if (calculator.tooLong(withPrompt, conditioned)) {
      return ItemResult.filtered("too_long", "conditioned text is longer than score.max-length tokens", usage);
    }
    LogprobResult alone = client.promptLogprobs(model, direct);
    usage = usage.plus(CallUsage.of(alone));
    if (!alone.ok()) {
      return ItemResult.failedCall(alone.outcome(), alone.error(), usage);
    }
    OptionalDouble conditionedLoss = IfdCalculator.meanAnswerLoss(withPrompt, conditioned.length() - answer.length(), conditioned.length());
    OptionalDouble directLoss = IfdCalculator.meanAnswerLoss(alone, direct.length() - answer.length(), direct.length());
    if (conditionedLoss.isEmpty() || directLoss.isEmpty()) {
      return ItemResult.filtered("ifd_undefined", "no answer tokens with log-probabilities", usage);
    }
    if (directLoss.getAsDouble() <= 0) {
      return ItemResult.filtered("ifd_undefined", "direct answer loss is 0", usage);
    }
    int tokens = IfdCalculator.answerTokens(withPrompt, conditioned.length() - answer.length(), conditioned.length());
    return ItemResult.out(List.of(new IfdScore(judgment.id(), judgment.scenario(), judgment.mode(), judgment.label(), judgment.pairId(),
        conditionedLoss.getAsDouble(), directLoss.getAsDouble(), conditionedLoss.getAsDouble() / directLoss.getAsDouble(),
        tokens)), usage);
  }
}

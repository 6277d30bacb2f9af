package io.judgeforge.stage.judge;

import java.util.List;

/**
 * A teacher's judgment: the prompt it saw, its raw output, and what was parsed from it.
 *
 * <ul>
 *   <li>{@code mode}: single, reference (graded against {@code referenceSource}'s answer) or pairwise.
 *   <li>Pointwise records carry {@code score} (and per-point scores, strengths, shortcomings);
 *       pairwise records carry {@code verdict} (A, B or C for a tie) about responses A
 *       ({@code responseId}) and B ({@code responseIdB}), shown in that order; the two records of
 *       one pair share {@code pairId} and differ in {@code order} (original, swapped).
 *   <li>{@code output} is the teacher's text of the sample chosen; {@code target} is the training
 *       text, which equals it unless a rule rewrote the verdict (a mirrored order, an inconsistent
 *       pair made a tie). {@code samples} are the labels of every sample when several were drawn.
 *   <li>{@code augmentation} names how a record was derived from the judgment {@code id} stops
 *       short of ('&lt;source id&gt;~&lt;augmentation&gt;'): paraphrase, downsample, or rescale-1-N; null for
 *       the teacher's own records.
 * </ul>
 */
public record Judgment(
    String id,
    String responseId,
    String instructionId,
    String scenario,
    String mode,
    String answerModel,
    String responseIdB,
    String answerModelB,
    String pairId,
    String order,
    String prompt,
    String output,
    String target,
    Integer score,
    String verdict,
    List<String> samples,
    List<Integer> pointScores,
    List<String> strengths,
    List<String> shortcomings,
    String referenceSource,
    String templateVersion,
    String teacherModel,
    String requestHash,
    String augmentation) {

  public Judgment {
    samples = List.copyOf(samples);
    pointScores = List.copyOf(pointScores);
    strengths = List.copyOf(strengths);
    shortcomings = List.copyOf(shortcomings);
  }

  /** This judgment with its prompt, target, score and id changed by an augmentation; no call is made for it. */
  public Judgment augmented(String name, String newPrompt, String newTarget, Integer newScore, List<Integer> newPointScores) {
    return new Judgment(id + "~" + name, responseId, instructionId, scenario, mode, answerModel, responseIdB, answerModelB,
        pairId, order, newPrompt, output, newTarget, newScore, verdict, samples, newPointScores, strengths, shortcomings,
        referenceSource, templateVersion, teacherModel, requestHash, name);
  }

  /** What selection balances on: the score, or the verdict of a pairwise record. */
  public String label() {
    return score != null ? score.toString() : verdict;
  }
}

package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One-sentence reasons for the judge's points, chosen from what {@link ResponseQuality} actually
 * found, so a shortcoming about brevity only appears when the response is short. Each sentence is
 * used at most once per judgment while unused ones remain.
 */
final class JudgeRationales {
    private static final double SHORT = 0.5;
    private final List<String> strengths = new ArrayList<>();
    private final List<String> shortcomings = new ArrayList<>();
    private final SplittableRandom random;

    JudgeRationales(ResponseQuality quality, SplittableRandom random) {
        this.random = random;
        if (!quality.covered().isEmpty()) {
            strengths.add("The response engages directly with the request and takes up key terms such as \""
                    + quality.covered().get(0) + "\".");
        }
        if (quality.coverage() >= 0.7) {
            strengths.add("Most elements of the instruction are addressed rather than only the easiest one.");
        }
        if (quality.lengthFactor() >= SHORT) {
            strengths.add("The answer is developed at a reasonable length, which lets it cover the main points.");
        }
        if (quality.structured()) {
            strengths.add("The content is organised into clear points, which makes it easy to follow.");
        }
        strengths.add("The wording is fluent and the tone suits the request.");
        strengths.add("The response stays on topic and does not pad the answer with unrelated material.");

        if (!quality.missing().isEmpty()) {
            shortcomings.add("Parts of the instruction, for example \""
                    + quality.missing().get(0) + "\", are not addressed at all.");
        }
        if (quality.lengthFactor() < SHORT) {
            shortcomings.add("The answer is too brief to treat the request in the depth it needs.");
        }
        if (!quality.structured()) {
            shortcomings.add(
                    "The points are not organised into a clear structure, which makes the answer harder to follow.");
        }
        shortcomings.add("Some statements stay generic and would benefit from more specific detail.");
        shortcomings.add("A few claims are made without supporting examples or evidence.");
    }

    /**
     * Puts the comparison with a reference answer first in each pool, since under reference-guided
     * grading it is the main evidence for the score.
     *
     * @param atLeastAsGood whether the response's quality reaches the reference's
     * @param leftOut content words of the reference that the response never uses
     */
    JudgeRationales comparedWithReference(boolean atLeastAsGood, List<String> leftOut) {
        if (atLeastAsGood) {
            strengths.add(
                    0, "Measured against the reference answer, it is at least as complete and as well developed.");
        } else if (leftOut.isEmpty()) {
            shortcomings.add(0, "It is less developed than the reference answer, although it touches the same points.");
        }
        if (!leftOut.isEmpty()) {
            shortcomings.add(
                    0, "Compared with the reference answer, it leaves out points such as \"" + leftOut.get(0) + "\".");
        }
        return this;
    }

    String nextStrength() {
        return take(strengths, "The response makes a reasonable attempt at the task.");
    }

    String nextShortcoming() {
        return take(shortcomings, "The response could be more precise in places.");
    }

    /** Evidence-based sentences come first in each pool, so they are preferred over generic ones. */
    private String take(List<String> pool, String whenEmpty) {
        if (pool.isEmpty()) {
            return whenEmpty;
        }
        // Mostly in order of evidence, sometimes a later one, so judgments do not all read alike.
        int index = pool.size() > 1 && random.nextDouble() < 0.3 ? 1 : 0;
        return pool.remove(index);
    }
}

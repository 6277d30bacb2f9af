package io.judgeforge.stage.judge;

import io.judgeforge.stage.RecordIds;
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
 *   <li>{@code augmentation} names how a record was derived, with no call, from the selected judgment
 *       {@code sourceId}: paraphrase, downsample, or rescale-1-N; {@code sourceIfd} is that judgment's
 *       IFD (score stage), which the derived record is exported with. All three are null on the
 *       teacher's own records.
 * </ul>
 *
 * <p>Built with {@link #builder()}: a record has many components that only one mode fills.
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
        String augmentation,
        String sourceId,
        Double sourceIfd) {

    public Judgment {
        samples = List.copyOf(samples);
        pointScores = List.copyOf(pointScores);
        strengths = List.copyOf(strengths);
        shortcomings = List.copyOf(shortcomings);
    }

    /** A judgment with no component set: lists empty, the rest null. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The record augmentation {@code name} derives from this selected judgment, whose IFD is {@code ifd}:
     * its prompt, target and scores changed, no call made for it.
     */
    public Judgment augmented(
            String name,
            double ifd,
            String newPrompt,
            String newTarget,
            Integer newScore,
            List<Integer> newPointScores) {
        return toBuilder()
                .id(RecordIds.augmentedJudgment(id, name))
                .prompt(newPrompt)
                .target(newTarget)
                .score(newScore)
                .pointScores(newPointScores)
                .augmentation(name)
                .sourceId(id)
                .sourceIfd(ifd)
                .build();
    }

    /** What selection balances on: the score, or the verdict of a pairwise record. */
    public String label() {
        return score != null ? score.toString() : verdict;
    }

    /** Sets components by name; {@link #build()} checks nothing beyond what the record does. */
    public static final class Builder {
        private String id;
        private String responseId;
        private String instructionId;
        private String scenario;
        private String mode;
        private String answerModel;
        private String responseIdB;
        private String answerModelB;
        private String pairId;
        private String order;
        private String prompt;
        private String output;
        private String target;
        private Integer score;
        private String verdict;
        private List<String> samples = List.of();
        private List<Integer> pointScores = List.of();
        private List<String> strengths = List.of();
        private List<String> shortcomings = List.of();
        private String referenceSource;
        private String templateVersion;
        private String teacherModel;
        private String requestHash;
        private String augmentation;
        private String sourceId;
        private Double sourceIfd;

        private Builder() {}

        private Builder(Judgment j) {
            id = j.id;
            responseId = j.responseId;
            instructionId = j.instructionId;
            scenario = j.scenario;
            mode = j.mode;
            answerModel = j.answerModel;
            responseIdB = j.responseIdB;
            answerModelB = j.answerModelB;
            pairId = j.pairId;
            order = j.order;
            prompt = j.prompt;
            output = j.output;
            target = j.target;
            score = j.score;
            verdict = j.verdict;
            samples = j.samples;
            pointScores = j.pointScores;
            strengths = j.strengths;
            shortcomings = j.shortcomings;
            referenceSource = j.referenceSource;
            templateVersion = j.templateVersion;
            teacherModel = j.teacherModel;
            requestHash = j.requestHash;
            augmentation = j.augmentation;
            sourceId = j.sourceId;
            sourceIfd = j.sourceIfd;
        }

        public Judgment build() {
            return new Judgment(
                    id,
                    responseId,
                    instructionId,
                    scenario,
                    mode,
                    answerModel,
                    responseIdB,
                    answerModelB,
                    pairId,
                    order,
                    prompt,
                    output,
                    target,
                    score,
                    verdict,
                    samples,
                    pointScores,
                    strengths,
                    shortcomings,
                    referenceSource,
                    templateVersion,
                    teacherModel,
                    requestHash,
                    augmentation,
                    sourceId,
                    sourceIfd);
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder responseId(String value) {
            responseId = value;
            return this;
        }

        public Builder instructionId(String value) {
            instructionId = value;
            return this;
        }

        public Builder scenario(String value) {
            scenario = value;
            return this;
        }

        public Builder mode(String value) {
            mode = value;
            return this;
        }

        public Builder answerModel(String value) {
            answerModel = value;
            return this;
        }

        public Builder responseIdB(String value) {
            responseIdB = value;
            return this;
        }

        public Builder answerModelB(String value) {
            answerModelB = value;
            return this;
        }

        public Builder pairId(String value) {
            pairId = value;
            return this;
        }

        public Builder order(String value) {
            order = value;
            return this;
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder output(String value) {
            output = value;
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder score(Integer value) {
            score = value;
            return this;
        }

        public Builder verdict(String value) {
            verdict = value;
            return this;
        }

        public Builder samples(List<String> value) {
            samples = value;
            return this;
        }

        public Builder pointScores(List<Integer> value) {
            pointScores = value;
            return this;
        }

        public Builder strengths(List<String> value) {
            strengths = value;
            return this;
        }

        public Builder shortcomings(List<String> value) {
            shortcomings = value;
            return this;
        }

        public Builder referenceSource(String value) {
            referenceSource = value;
            return this;
        }

        public Builder templateVersion(String value) {
            templateVersion = value;
            return this;
        }

        public Builder teacherModel(String value) {
            teacherModel = value;
            return this;
        }

        public Builder requestHash(String value) {
            requestHash = value;
            return this;
        }

        public Builder augmentation(String value) {
            augmentation = value;
            return this;
        }

        public Builder sourceId(String value) {
            sourceId = value;
            return this;
        }

        public Builder sourceIfd(Double value) {
            sourceIfd = value;
            return this;
        }
    }
}

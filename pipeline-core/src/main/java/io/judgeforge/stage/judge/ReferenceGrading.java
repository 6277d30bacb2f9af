package io.judgeforge.stage.judge;

import io.judgeforge.stage.respond.Response;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which responses are graded against a reference answer, and which: those of the scenarios in
 * {@code judge.reference-scenarios}, against the instruction's own reference (source {@code seed})
 * or else the reference model's answer (source {@code model:NAME}). The reference model is
 * {@code judge.reference-model}, else the last model of {@code respond.pool}, by convention the
 * strongest. Its own answer is graded without a reference, since against itself it would be
 * perfect by construction.
 */
public final class ReferenceGrading implements Serializable {
    public static final String SEED_SOURCE = "seed";

    private final Set<String> scenarios;
    private final String referenceModel;

    /** A reference answer and where it comes from. */
    public record Reference(String text, String source) {}

    /**
     * @param configuredModel {@code judge.reference-model}, or "" for the default
     * @param pool the names of {@code respond.pool}'s models, in their configured order
     */
    public ReferenceGrading(List<String> scenarios, String configuredModel, List<String> pool) {
        this.scenarios = Set.copyOf(scenarios);
        this.referenceModel = configuredModel.isEmpty() ? pool.get(pool.size() - 1) : configuredModel;
    }

    public String referenceModel() {
        return referenceModel;
    }

    /**
     * Whether any response is graded on its own (pointwise): all are with single-answer grading on;
     * with it off, only those graded against a reference.
     */
    public boolean gradesPointwise(boolean singleAnswerGrading) {
        return singleAnswerGrading || !scenarios.isEmpty();
    }

    /**
     * The reference a response of {@code model} in {@code scenario} is graded against, if any.
     *
     * @param seedReference the instruction's own reference answer, or null
     * @param modelReference the reference model's answer to the instruction, or null
     */
    public Optional<Reference> referenceFor(
            String scenario, String model, String seedReference, String modelReference) {
        if (scenario == null || !scenarios.contains(scenario)) {
            return Optional.empty();
        }
        if (seedReference != null) {
            return Optional.of(new Reference(seedReference, SEED_SOURCE));
        }
        if (modelReference == null || model == null || model.equals(referenceModel)) {
            return Optional.empty();
        }
        return Optional.of(new Reference(modelReference, "model:" + referenceModel));
    }

    /** The task of grading {@code response} on its own, against its {@link #referenceFor reference} if it has one. */
    public JudgeTask task(Response response, String seedReference, String modelReference) {
        Optional<Reference> reference =
                referenceFor(response.scenario(), response.model(), seedReference, modelReference);
        return new JudgeTask(
                response,
                reference.map(Reference::text).orElse(null),
                reference.map(Reference::source).orElse(null));
    }
}

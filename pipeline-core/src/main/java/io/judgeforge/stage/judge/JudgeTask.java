package io.judgeforge.stage.judge;

import io.judgeforge.stage.respond.Response;

/**
 * One response to grade on its own: against {@code reference} (reference-guided grading, with the
 * reference's source, 'seed' or 'model:NAME') or, where that is null, alone (single-answer grading).
 */
public record JudgeTask(Response response, String reference, String referenceSource) {
    public String id() {
        return response.id();
    }

    public String scenario() {
        return response.scenario();
    }
}

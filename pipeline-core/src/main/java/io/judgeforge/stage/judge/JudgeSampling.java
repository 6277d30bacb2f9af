package io.judgeforge.stage.judge;

import io.judgeforge.teacher.ModelCall;
import java.io.Serializable;

/**
 * How many judgments one item gets and how each is drawn: one call at the judge temperature, or k
 * calls at the sample temperature, each with its own seed so each is its own request.
 */
public record JudgeSampling(ModelCall teacher, int samples, double sampleTemperature, double maxSpread)
        implements Serializable {
    public ModelCall call(int index) {
        return samples == 1 ? teacher : teacher.sample(index, sampleTemperature);
    }

    public String model() {
        return teacher.model();
    }

    /** Names the sample in a reason's detail when there are several. */
    String prefix(int index) {
        return samples == 1 ? "" : "sample " + (index + 1) + " of " + samples + ": ";
    }
}

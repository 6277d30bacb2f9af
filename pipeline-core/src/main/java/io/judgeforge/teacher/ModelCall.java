package io.judgeforge.teacher;

import java.io.Serializable;

/**
 * Which model to call and how to sample from it. {@code seed} (null = not sent) makes repeated
 * samples of one prompt distinct requests, so each is paid for, stored and replayed on its own.
 */
public record ModelCall(String endpoint, String model, double temperature, int maxTokens, Integer seed)
        implements Serializable {
    public ModelCall(String endpoint, String model, double temperature, int maxTokens) {
        this(endpoint, model, temperature, maxTokens, null);
    }

    /** Sample {@code index} of several at {@code temperature}. */
    public ModelCall sample(int index, double sampleTemperature) {
        return new ModelCall(endpoint, model, sampleTemperature, maxTokens, index);
    }
}

package io.judgeforge.teacher;

import java.io.Serializable;

/** Which model to call and how to sample from it. */
public record ModelCall(String endpoint, String model, double temperature, int maxTokens) implements Serializable {}

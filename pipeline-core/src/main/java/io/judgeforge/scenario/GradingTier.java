package io.judgeforge.scenario;

import java.io.Serializable;

/** One tier of the five-tier grading scale, alone and relative to a reference answer. */
public record GradingTier(int score, String description, String withReference) implements Serializable {}

package io.judgeforge.scenario;

import java.io.Serializable;

/**
 * One tier of the five-tier grading scale, alone and relative to a reference answer.
 *
 * @param withReference the tier's wording for reference-guided grading, or null when the catalog gives
 *     none and the plain description applies
 */
public record GradingTier(int score, String description, String withReference) implements Serializable {}

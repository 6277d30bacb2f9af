package io.judgeforge.eval;

/**
 * One line of a predictions file written by {@link JudgePredictions}, in the columns meta-eval reads. Null fields are
 * left out of the JSON.
 *
 * @param predText the judge's raw output (pairwise: for the original order); "" when its call failed
 * @param predSwappedText pairwise: the raw output for the swapped order ("" when that call failed); pointwise: null
 * @param error why a call failed, as the client reported it; null when none did
 */
record PredictionRow(String id, String predText, String predSwappedText, String error) {}

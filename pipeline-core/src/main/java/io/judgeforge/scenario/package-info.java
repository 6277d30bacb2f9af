/**
 * The scenario catalog ({@code conf/scenarios.yaml}): the paper's scenarios with their criteria in order of
 * importance, grading tiers and generation method, bound strictly (an unknown key is an error).
 *
 * <p>Depends on Jackson and {@code config}'s exception.
 */
package io.judgeforge.scenario;

/**
 * Prompt templates ({@code conf/prompts}) and their rendering: named placeholders, a content hash per template
 * that goes with every record made from it.
 *
 * <p>Depends on {@code hash}.
 */
package io.judgeforge.prompt;

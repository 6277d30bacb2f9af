package io.judgeforge.simulator;

/**
 * The words a question template is filled with.
 *
 * @param term the main subject, e.g. a salient phrase of the reference or the quiz topic
 * @param otherTerm a second subject, distinct from {@code term} where the source allows
 * @param quote a sentence to quote (rewriting, translation, reading comprehension)
 * @param language a target language for translation
 * @param role a persona for role-playing
 * @param a a small positive number for arithmetic templates
 * @param b another small positive number
 * @param c a number related to {@code a} and {@code b} by the template's arithmetic
 */
record TemplateSlots(String term, String otherTerm, String quote, String language, String role, int a, int b, int c) {}

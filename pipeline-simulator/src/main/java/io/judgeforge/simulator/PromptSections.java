package io.judgeforge.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the marked-up parts of the pipeline's prompt templates ({@code conf/prompts/*.txt}). The
 * parsing is deliberately forgiving: a missing part yields an empty Optional and the caller falls
 * back to a default, because a simulator that crashes on a template tweak helps no one.
 */
final class PromptSections {
    private static final Pattern COUNT = Pattern.compile("Write exactly (\\d+)");
    private static final Pattern SCENARIO = Pattern.compile("(?m)^\\s*Scenario:\\s*\\[([^\\[\\]]+)]");
    private static final Pattern SEPARATOR_LINE = Pattern.compile("(?m)^[ \\t]*\\*\\*\\*[ \\t]*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Generation prompts never ask for more items than this, whatever the prompt says. */
    static final int MAX_COUNT = 200;

    private PromptSections() {}

    /** Text between the first {@code begin} marker and the next {@code end} marker (or the end). */
    static Optional<String> between(String text, String begin, String end) {
        int start = text.indexOf(begin);
        if (start < 0) {
            return Optional.empty();
        }
        start += begin.length();
        int stop = text.indexOf(end, start);
        return Optional.of((stop < 0 ? text.substring(start) : text.substring(start, stop)).strip());
    }

    /** The value of a {@code Label: value} line, e.g. {@code Difficulty: hard}. */
    static Optional<String> lineValue(String text, String label) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s*:[ \\t]*(.*)$")
                .matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String value = matcher.group(1).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Text after {@code label} up to the next line that is just {@code ***}, the field separator of
     * the judge template's data block.
     */
    static Optional<String> fieldBeforeSeparator(String text, String label) {
        int start = text.indexOf(label);
        if (start < 0) {
            return Optional.empty();
        }
        start += label.length();
        Matcher separator = SEPARATOR_LINE.matcher(text);
        int stop = separator.find(start) ? separator.start() : text.length();
        return Optional.of(text.substring(start, stop).strip());
    }

    /**
     * The N of the last "Write exactly N", capped at {@link #MAX_COUNT}. The last, because the
     * templates end with that line while seed examples or a reference above it may contain the phrase.
     */
    static int requestedCount(String text, int fallback) {
        Matcher matcher = COUNT.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        if (last == null) {
            return fallback;
        }
        try {
            return Math.min(MAX_COUNT, Integer.parseInt(last));
        } catch (NumberFormatException tooLong) {
            return MAX_COUNT;
        }
    }

    /** NAME of the first {@code Scenario: [NAME]} line, which the templates put at the top. */
    static Optional<String> scenarioName(String text) {
        Matcher matcher = SCENARIO.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }

    /** Collapses all whitespace, so text taken from a prompt fits on one list item line. */
    static String oneLine(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}

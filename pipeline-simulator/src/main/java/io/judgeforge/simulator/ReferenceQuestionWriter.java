package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Answers generate-reference.txt: writes N instructions for the prompt's scenario, grounded in the
 * reference text through its salient terms and quotable sentences.
 */
final class ReferenceQuestionWriter {
    static final int DEFAULT_COUNT = 5;
    static final int MIN_WORDS = 8;
    static final int MAX_WORDS = 60;
    private static final String FALLBACK_TERM = "everyday life";
    // Quoted by rewriting and translation patterns when the reference has no sentence of its own.
    private static final String FALLBACK_QUOTE = "Good habits are easier to keep when they fit into everyday life.";

    private ReferenceQuestionWriter() {}

    static String write(String prompt, SplittableRandom random) {
        int count = PromptSections.requestedCount(prompt, DEFAULT_COUNT);
        ThemisScenario scenario = PromptSections.scenarioName(prompt)
                .map(ThemisScenario::fromName)
                .orElse(ThemisScenario.GENERIC);
        String reference = PromptSections.between(prompt, PromptKindDetector.REFERENCE_BEGIN, "[Reference End]")
                .orElse("");
        SalientText salient = SalientText.of(reference);
        List<String> terms = salient.terms().isEmpty() ? List.of(FALLBACK_TERM) : salient.terms();
        List<String> quotes = salient.quotes().isEmpty() ? List.of(FALLBACK_QUOTE) : salient.quotes();

        List<Function<TemplateSlots, String>> templates = InstructionTemplates.forScenario(scenario);
        // Random offsets rather than random draws per item: walking the lists in step spreads items over
        // all templates, terms and quotes before any repeats, which keeps a short list varied.
        int templateOffset = random.nextInt(templates.size());
        int termOffset = random.nextInt(terms.size());
        int quoteOffset = random.nextInt(quotes.size());
        List<String> items = NumberedList.distinctItems(
                count,
                attempt -> {
                    TemplateSlots slots = slots(terms, quotes, termOffset + attempt, quoteOffset + attempt, random);
                    return fitWords(templates
                            .get((templateOffset + attempt) % templates.size())
                            .apply(slots));
                },
                (base, n) -> fitWords("In no more than " + (40 + 10 * n) + " words: " + base));
        return NumberedList.format(items);
    }

    static TemplateSlots slots(
            List<String> terms, List<String> quotes, int termIndex, int quoteIndex, SplittableRandom random) {
        String term = terms.get(termIndex % terms.size());
        String other = FALLBACK_TERM;
        if (terms.size() > 1) {
            // A shift of 1..size-1 never pairs a term with itself, and it grows with each pass over a
            // short term list so the pairs of later passes differ from the first.
            int shift = 1 + (termIndex / terms.size()) % (terms.size() - 1);
            other = terms.get((termIndex + shift) % terms.size());
        }
        int a = 2 + random.nextInt(18);
        int b = 2 + random.nextInt(18);
        int x = 2 + random.nextInt(11);
        return new TemplateSlots(
                term,
                other,
                quotes.get(quoteIndex % quotes.size()),
                InstructionTemplates.LANGUAGES.get(random.nextInt(InstructionTemplates.LANGUAGES.size())),
                InstructionTemplates.ROLES.get(random.nextInt(InstructionTemplates.ROLES.size())),
                a,
                b,
                a * x + b);
    }

    /**
     * Keeps an instruction within {@value #MIN_WORDS}-{@value #MAX_WORDS} words. Overlong ones lose
     * their tail (a quote is closed again); short ones get a request for a complete answer.
     */
    static String fitWords(String instruction) {
        List<String> words = new ArrayList<>(Arrays.asList(instruction.strip().split("\\s+")));
        if (words.size() > MAX_WORDS) {
            words = new ArrayList<>(words.subList(0, MAX_WORDS));
            String joined = String.join(" ", words);
            long quoteMarks = joined.chars().filter(ch -> ch == '"').count();
            return quoteMarks % 2 == 1 ? joined + "\"" : joined;
        }
        String result = String.join(" ", words);
        if (words.size() < MIN_WORDS) {
            result = result + " Please give a complete and well organised answer.";
        }
        return result;
    }
}

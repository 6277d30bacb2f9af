package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question writer takes from a reference text or quiz material: salient terms and sentences
 * short enough to quote. Without a part-of-speech tagger, terms are found by shape: capitalised names
 * ("Great Barrier Reef"), then runs of adjacent content words ("rising ocean temperatures"), then long
 * single words. Words ending in -ly or -ed are kept out of phrases, as they are mostly adverbs and
 * verbs ("repeated", "roughly") that make poor question subjects.
 *
 * @param terms salient terms, most telling first, none of which triggers a scenario keyword rule
 * @param quotes sentences of 4 to {@value #MAX_QUOTE_WORDS} words with double quotes replaced
 */
record SalientText(List<String> terms, List<String> quotes) {
    static final int MAX_TERMS = 12;
    static final int MAX_QUOTE_WORDS = 25;
    private static final int MIN_QUOTE_WORDS = 4;
    private static final int LONG_WORD = 7;
    private static final int MAX_PHRASE_WORDS = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "de", "la", "von", "van", "del", "da");

    SalientText {
        terms = List.copyOf(terms);
        quotes = List.copyOf(quotes);
    }

    static SalientText of(String text) {
        List<String> sentences = sentences(PromptSections.oneLine(text));
        return new SalientText(terms(sentences), quotes(sentences));
    }

    private record Word(String text, boolean afterPunctuation) {
        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0));
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static List<String> terms(List<String> sentences) {
        Map<String, Integer> names = new LinkedHashMap<>();
        Map<String, Integer> phrases = new LinkedHashMap<>();
        Map<String, Integer> singles = new LinkedHashMap<>();
        for (String sentence : sentences) {
            List<Word> words = words(sentence);
            collectNames(words, names);
            collectPhrases(words, phrases);
            for (Word word : words) {
                String lower = word.lower();
                if (!word.capitalised() && lower.length() >= LONG_WORD && isPhraseWord(lower)) {
                    singles.merge(lower, 1, Integer::sum);
                }
            }
        }
        List<String> result = new ArrayList<>();
        for (Map<String, Integer> group : List.of(names, phrases, singles)) {
            for (String term : byFrequency(group)) {
                String lower = term.toLowerCase(Locale.ROOT);
                boolean covered = result.stream()
                        .anyMatch(kept -> kept.toLowerCase(Locale.ROOT).contains(lower));
                if (!covered && !ScenarioKeywordRules.triggersAnyRule(term)) {
                    result.add(term);
                }
            }
        }
        if (result.isEmpty()) {
            // A text of short words only: any content word is better than no grounding at all.
            result.addAll(ContentWords.distinct(String.join(" ", sentences), MAX_TERMS));
        }
        return result.subList(0, Math.min(MAX_TERMS, result.size()));
    }

    /**
     * Runs of capitalised words, allowing "of"-like connectors inside ("Bank of England"). A lone
     * capitalised word that opens the sentence is just a sentence start, not a name.
     */
    private static void collectNames(List<Word> words, Map<String, Integer> names) {
        int i = 0;
        while (i < words.size()) {
            if (!words.get(i).capitalised()) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < words.size() && !words.get(end).afterPunctuation()) {
                Word next = words.get(end);
                boolean connector = NAME_CONNECTORS.contains(next.text())
                        && end + 1 < words.size()
                        && words.get(end + 1).capitalised()
                        && !words.get(end + 1).afterPunctuation();
                if (next.capitalised()) {
                    end++;
                } else if (connector) {
                    end += 2;
                } else {
                    break;
                }
            }
            List<String> run = new ArrayList<>();
            for (int k = start; k < end; k++) {
                run.add(words.get(k).text());
            }
            while (!run.isEmpty() && ContentWords.isStopWord(run.get(0).toLowerCase(Locale.ROOT))) {
                run.remove(0);
            }
            boolean sentenceStartOnly = start == 0 && end - start == 1;
            if (!run.isEmpty() && !sentenceStartOnly && String.join(" ", run).length() >= 3) {
                names.merge(String.join(" ", run), 1, Integer::sum);
            }
            i = end;
        }
    }

    /**
     * Runs of two or more adjacent lowercase content words; the first three make the phrase. The first,
     * because a run often is a subject followed by its verb ("ocean temperatures threaten"), while
     * objects tend to be cut off from their verb by an article.
     */
    private static void collectPhrases(List<Word> words, Map<String, Integer> phrases) {
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= words.size(); i++) {
            Word word = i < words.size() ? words.get(i) : null;
            boolean continues = word != null
                    && (run.isEmpty() || !word.afterPunctuation())
                    && (!word.capitalised() || i == 0)
                    && isPhraseWord(word.lower());
            if (continues) {
                run.add(word.lower());
                continue;
            }
            if (run.size() >= 2) {
                List<String> phrase = run.subList(0, Math.min(MAX_PHRASE_WORDS, run.size()));
                phrases.merge(String.join(" ", phrase), 1, Integer::sum);
            }
            run = new ArrayList<>();
            if (word != null && isPhraseWord(word.lower()) && !word.capitalised()) {
                run.add(word.lower());
            }
        }
    }

    private static boolean isPhraseWord(String lower) {
        return ContentWords.isContentWord(lower)
                && !lower.endsWith("ly")
                && !lower.endsWith("ed")
                && !lower.contains("'");
    }

    private static List<Word> words(String sentence) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(sentence);
        int previousEnd = 0;
        while (matcher.find()) {
            String gap = sentence.substring(previousEnd, matcher.start());
            words.add(new Word(matcher.group(), !words.isEmpty() && !gap.isBlank()));
            previousEnd = matcher.end();
        }
        return words;
    }

    /** Stable order: more frequent first, ties by first appearance (LinkedHashMap order). */
    private static List<String> byFrequency(Map<String, Integer> counts) {
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort((x, y) -> Integer.compare(counts.get(y), counts.get(x)));
        return keys;
    }

    private static List<String> sentences(String text) {
        List<String> result = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            if (!sentence.isBlank()) {
                result.add(sentence.strip());
            }
        }
        return result;
    }

    private static List<String> quotes(List<String> sentences) {
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String sentence : sentences) {
            String clean = sentence.replace('"', '\'');
            int words = wordCount(clean);
            if (words >= MIN_QUOTE_WORDS && words <= MAX_QUOTE_WORDS && seen.add(clean)) {
                result.add(clean);
            }
        }
        if (result.isEmpty() && !sentences.isEmpty()) {
            // No sentence of a quotable size (one long run-on, or a fragment): quote the first words.
            String[] words = String.join(" ", sentences).replace('"', '\'').split("\\s+");
            result.add(String.join(" ", Arrays.asList(words).subList(0, Math.min(MAX_QUOTE_WORDS, words.length))));
        }
        return result;
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}

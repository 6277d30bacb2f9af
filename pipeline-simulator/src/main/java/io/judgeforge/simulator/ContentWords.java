package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that carry the topic of a text. The answerer restates them and the judge checks them, so
 * both must agree on one definition: lowercased, at least four characters, at least one letter, and
 * not a stop word. The stop words include request verbs such as "explain" or "write", which say what
 * to do rather than what the text is about.
 */
final class ContentWords {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
    static final int MIN_LENGTH = 4;

    // Set.copyOf rather than Set.of: the list is edited by hand and a duplicate must not break startup.
    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            "a",
            "about",
            "above",
            "across",
            "after",
            "again",
            "against",
            "all",
            "almost",
            "also",
            "although",
            "always",
            "among",
            "an",
            "and",
            "another",
            "any",
            "anyone",
            "anything",
            "are",
            "around",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "cannot",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "done",
            "down",
            "during",
            "each",
            "either",
            "else",
            "enough",
            "even",
            "ever",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "gets",
            "give",
            "given",
            "gives",
            "go",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "him",
            "his",
            "how",
            "however",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "least",
            "less",
            "let",
            "like",
            "made",
            "make",
            "makes",
            "many",
            "may",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "near",
            "need",
            "needs",
            "neither",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "often",
            "on",
            "once",
            "one",
            "only",
            "onto",
            "or",
            "other",
            "others",
            "our",
            "ours",
            "out",
            "over",
            "own",
            "per",
            "please",
            "quite",
            "rather",
            "really",
            "said",
            "same",
            "say",
            "says",
            "shall",
            "she",
            "should",
            "since",
            "so",
            "some",
            "something",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "then",
            "there",
            "these",
            "they",
            "thing",
            "things",
            "this",
            "those",
            "though",
            "through",
            "thus",
            "to",
            "too",
            "toward",
            "towards",
            "under",
            "until",
            "up",
            "upon",
            "us",
            "use",
            "used",
            "using",
            "very",
            "want",
            "was",
            "way",
            "we",
            "well",
            "were",
            "what",
            "when",
            "where",
            "whether",
            "which",
            "while",
            "who",
            "whom",
            "whose",
            "why",
            "will",
            "with",
            "within",
            "without",
            "would",
            "yet",
            "you",
            "your",
            "yours",
            "explain",
            "describe",
            "write",
            "tell",
            "list",
            "provide",
            "answer",
            "question",
            "questions",
            "following",
            "below",
            "show",
            "include",
            "including",
            "keep",
            "short",
            "brief",
            "briefly",
            "clear",
            "clearly",
            "simple",
            "sure",
            "help",
            "know",
            "think",
            "find",
            "take",
            "come",
            "look",
            "good",
            "best",
            "better",
            "main",
            "mean",
            "means",
            "word",
            "words",
            "sentence",
            "sentences",
            "text",
            "part",
            "parts",
            "detailed",
            "detail",
            "details",
            "overview",
            "cover",
            "covering",
            "discuss",
            "summarise",
            "summarize",
            "compare",
            "example",
            "examples",
            "various",
            "different"));

    private ContentWords() {}

    static boolean isStopWord(String lowercaseWord) {
        return STOP_WORDS.contains(lowercaseWord);
    }

    /** All letter/digit runs of the text, lowercased, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    static boolean isContentWord(String lowercaseWord) {
        return lowercaseWord.length() >= MIN_LENGTH
                && !STOP_WORDS.contains(lowercaseWord)
                && HAS_LETTER.matcher(lowercaseWord).matches();
    }

    /** Up to {@code limit} distinct content words, in order of first appearance. */
    static List<String> distinct(String text, int limit) {
        Set<String> result = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (result.size() >= limit) {
                break;
            }
            if (isContentWord(word)) {
                result.add(word);
            }
        }
        return new ArrayList<>(result);
    }
}

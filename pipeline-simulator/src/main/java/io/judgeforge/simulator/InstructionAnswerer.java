package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Answers a plain instruction the way a model of the given strength might. The answer is built from
 * the instruction's own content words, and its quality q (strength plus noise) decides how much of
 * it is taken up and how developed the answer is: a strong model restates most of the request in
 * 4-7 sentences with a numbered list, a weak one gives a sentence or two, sometimes beside the point.
 * The quality is never written into the text; a judge has to infer it like from a real answer.
 */
final class InstructionAnswerer {
    static final double QUALITY_NOISE_SD = 0.12;
    static final int INSTRUCTION_WORDS = 12;
    private static final double VAGUE_BELOW = 0.2;
    private static final double SHORT_BELOW = 0.35;
    private static final double LIST_ABOVE = 0.6;
    private static final String NO_TOPIC = "the topic";

    private static final List<String> OPENINGS = List.of(
            "Here is a clear answer about %s.",
            "This question is about %s, so let me go through the main points.",
            "To answer this well, we need to look at %s.");
    private static final List<String> ONE_WORD = List.of(
            "First, consider %s, because it shapes how the rest of the question should be approached.",
            "It helps to look at %s in context rather than in isolation.",
            "The details of %s matter, so it is worth checking them carefully before drawing conclusions.",
            "A practical way to handle %s is to start with a simple example and build from there.",
            "Many people overlook %s, yet it often makes the biggest difference in practice.");
    private static final List<String> TWO_WORDS = List.of(
            "The link between %s and %s is central, since a change in one usually affects the other.",
            "Both %s and %s deserve attention, and a good answer explains how they fit together.",
            "When thinking about %s, remember that %s often sets the limits of what is possible.",
            "A common mistake is to treat %s separately from %s, but they work best together.");
    private static final List<String> CLOSINGS = List.of(
            "Overall, paying attention to %s gives a complete and reliable picture.",
            "In short, a careful look at %s leads to the most useful answer.",
            "Taken together, these points about %s should give you a solid understanding.");
    private static final List<String> SHORT_ONES = List.of(
            "It mostly depends on %s.",
            "%s is important here, and it is usually fine.",
            "You should look into %s yourself.",
            "There are different views on %s.");
    private static final List<String> VAGUE = List.of(
            "That is an interesting question, and the answer depends on many things.",
            "I think it is generally fine, but it is hard to say more without details.",
            "Many people enjoy talking about the weather and their weekend plans.",
            "It is hard to say. There are a lot of different factors.");

    private InstructionAnswerer() {}

    static String write(String instruction, double strength, SplittableRandom random) {
        double quality = clamp(strength + random.nextGaussian() * QUALITY_NOISE_SD);
        List<String> words = ContentWords.distinct(instruction, INSTRUCTION_WORDS);
        if (quality < VAGUE_BELOW && random.nextDouble() < 0.5) {
            return pick(VAGUE, random);
        }
        List<String> restated = restated(words, quality, random);
        if (quality < SHORT_BELOW) {
            return shortAnswer(restated, random);
        }
        return fullAnswer(restated, quality, random);
    }

    /** A share of the content words that grows with quality, at least one when there are any. */
    private static List<String> restated(List<String> words, double quality, SplittableRandom random) {
        List<String> pool = new ArrayList<>(words);
        int keep = words.isEmpty() ? 0 : Math.max(1, (int) Math.round(quality * words.size()));
        List<String> result = new ArrayList<>();
        // Strong answers keep the instruction's order (its main terms come first); weak ones pick at random.
        while (result.size() < keep) {
            int index = quality >= LIST_ABOVE ? 0 : random.nextInt(pool.size());
            result.add(pool.remove(index));
        }
        return result;
    }

    private static String shortAnswer(List<String> restated, SplittableRandom random) {
        String first = sentence(pick(SHORT_ONES, random), word(restated, 0));
        if (restated.size() < 2 || random.nextBoolean()) {
            return first;
        }
        return first + " " + sentence(pick(SHORT_ONES, random), word(restated, 1));
    }

    private static String fullAnswer(List<String> restated, double quality, SplittableRandom random) {
        int sentences = 3 + (int) Math.floor((quality - SHORT_BELOW) / (1.0 - SHORT_BELOW) * 4.99);
        int bodyCount = Math.max(1, sentences - 2);
        String opening = sentence(pick(OPENINGS, random), joinWords(restated.subList(0, Math.min(3, restated.size()))));

        List<String> body = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bodyCount; i++) {
            boolean pair = restated.size() - next >= 2 && random.nextBoolean();
            if (pair) {
                body.add(sentence(pick(TWO_WORDS, random), word(restated, next), word(restated, next + 1)));
                next += 2;
            } else {
                body.add(sentence(pick(ONE_WORD, random), word(restated, next)));
                next += 1;
            }
        }
        if (next < restated.size()) {
            // Words left over after the planned sentences still belong in a good answer.
            body.add(
                    sentence("Other relevant aspects include %s.", joinWords(restated.subList(next, restated.size()))));
        }
        String closing = sentence(pick(CLOSINGS, random), word(restated, 0));

        if (quality > LIST_ABOVE) {
            StringBuilder text = new StringBuilder(opening).append("\n\n");
            for (int i = 0; i < body.size(); i++) {
                text.append(i + 1).append(". ").append(body.get(i)).append('\n');
            }
            return text.append('\n').append(closing).toString();
        }
        return opening + " " + String.join(" ", body) + " " + closing;
    }

    /** Cycles through the words; an instruction without content words is answered about "the topic". */
    private static String word(List<String> words, int index) {
        return words.isEmpty() ? NO_TOPIC : words.get(index % words.size());
    }

    private static String joinWords(List<String> words) {
        if (words.isEmpty()) {
            return NO_TOPIC;
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String sentence(String template, Object... words) {
        String text = String.format(template, words);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String pick(List<String> options, SplittableRandom random) {
        return options.get(random.nextInt(options.size()));
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}

package io.judgeforge.stage.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.stage.score.PromptTokenAlignment.TokenSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTokenAlignmentTest {
    static final String FFFD = "\uFFFD";

    static PromptTokenAlignment align(String prompt, long promptTokens, String... tokens) {
        List<Double> logprobs = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            logprobs.add(i == 0 ? null : -1.0 - i);
        }
        return PromptTokenAlignment.align(prompt, List.of(tokens), logprobs, promptTokens);
    }

    /** The spans as [start, end) pairs, for compact assertions. */
    static List<List<Integer>> spans(PromptTokenAlignment a) {
        assertTrue(a.aligned(), a.failure());
        List<List<Integer>> out = new ArrayList<>();
        for (TokenSpan t : a.spans()) {
            out.add(List.of(t.start(), t.end()));
        }
        return out;
    }

    @Test
    void exactTokensWithoutBosAndTheGeneratedTokenDropped() {
        PromptTokenAlignment a = align("Hi there", 2, "Hi", " there", "!");
        assertEquals(List.of(List.of(0, 2), List.of(2, 8)), spans(a));
        assertEquals(0, a.prefixTokens());
        assertNull(a.spans().get(0).logprob());
        assertEquals(-2.0, a.spans().get(1).logprob());
    }

    @Test
    void aBosIsAPrefixTokenWithAnEmptySpanBeforeZero() {
        PromptTokenAlignment a = align("Hi there", 3, "<|begin_of_text|>", "Hi", " there", "!");
        assertEquals(List.of(List.of(-1, -1), List.of(0, 2), List.of(2, 8)), spans(a));
        assertTrue(a.spans().get(0).prefix());
        assertEquals(3, a.promptTokenCount());
        // Two prefix tokens (GLM's "[gMASK]", "<sop>").
        assertEquals(
                2, align("Hi there", 4, "[gMASK]", "<sop>", "Hi", " there", "!").prefixTokens());
    }

    @Test
    void withoutUsageTheMostTokensThatAlignAreThePrompt() {
        assertEquals(
                List.of(List.of(-1, -1), List.of(0, 2), List.of(2, 8)),
                spans(align("Hi there", 0, "<s>", "Hi", " there", "!")));
        // A generated EOS decoded as "" is not a prompt token.
        assertEquals(3, align("Hi there", 0, "<s>", "Hi", " there", "").promptTokenCount());
        // Nothing generated.
        assertEquals(2, align("Hi there", 0, "Hi", " there").promptTokenCount());
    }

    @Test
    void spansAreJavaCharsAfterAnEmoji() {
        String prompt = "a \uD83D\uDC4D b";
        assertEquals(
                List.of(List.of(0, 1), List.of(1, 4), List.of(4, 6)),
                spans(align(prompt, 3, "a", " \uD83D\uDC4D", " b", "?")));
    }

    @Test
    void byteTokensOfOneCharacterShareItsSpan() {
        String prompt = "x \u946B y";
        // Three one-byte tokens, each decoded alone as U+FFFD.
        assertEquals(
                List.of(List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(2, 3), List.of(2, 3), List.of(3, 5)),
                spans(align(prompt, 6, "x", " ", FFFD, FFFD, FFFD, " y", "!")));
        // Byte-level BPE: one token holds two of the three bytes, still one U+FFFD.
        assertEquals(
                List.of(List.of(0, 1), List.of(1, 3), List.of(2, 3), List.of(3, 5)),
                spans(align(prompt, 4, "x", " " + FFFD, FFFD, " y", "!")));
        // An incremental detokenizer gives "" for the partial bytes and the character with the last one.
        assertEquals(
                List.of(List.of(0, 1), List.of(1, 2), List.of(2, 2), List.of(2, 2), List.of(2, 3), List.of(3, 5)),
                spans(align(prompt, 6, "x", " ", "", "", "\u946B", " y", "!")));
    }

    @Test
    void aLiteralReplacementCharacterInThePromptAligns() {
        assertEquals(List.of(List.of(0, 1), List.of(1, 2)), spans(align("a" + FFFD, 2, "a", FFFD, "b")));
    }

    @Test
    void sentencePieceTokensThatLostTheirLeadingSpaceAlign() {
        // Llama 2 / Mistral tokens decoded one at a time: "▁prime" comes back as "prime".
        PromptTokenAlignment a =
                align("Name a prime.\n\nSeven", 0, "<s>", "Name", "a", "prime", ".", "\n", "\n", "Se", "ven", "It");
        assertEquals(
                List.of(
                        List.of(-1, -1),
                        List.of(0, 4),
                        List.of(4, 6),
                        List.of(6, 12),
                        List.of(12, 13),
                        List.of(13, 14),
                        List.of(14, 15),
                        List.of(15, 17),
                        List.of(17, 20)),
                spans(a));
        // "▁" alone decodes to "", before the byte tokens of a character missing from the vocabulary.
        assertEquals(
                List.of(List.of(-1, -1), List.of(0, 2), List.of(2, 3), List.of(3, 4), List.of(3, 4), List.of(3, 4)),
                spans(align("Hi \u946B", 6, "<s>", "Hi", "", FFFD, FFFD, FFFD, "!")));
    }

    @Test
    void tokensThatDoNotSpellThePromptAreNotAligned() {
        PromptTokenAlignment raw = align("Hi there", 3, "<s>", "Hi", "Ġthere", "!");
        assertFalse(raw.aligned());
        assertTrue(raw.failure().contains("do not spell the prompt"), raw.failure());
        assertTrue(raw.spans().isEmpty());
        // usage.prompt_tokens disagrees with the tokens.
        assertFalse(align("Hi there", 2, "<s>", "Hi", " there", "!").aligned());
        PromptTokenAlignment tooMany = align("Hi there", 9, "Hi", " there");
        assertFalse(tooMany.aligned());
        assertTrue(tooMany.failure().contains("usage.prompt_tokens is 9"), tooMany.failure());
        // More than MAX_PREFIX_TOKENS unknown tokens in front.
        assertFalse(align("Hi", 0, "a", "b", "c", "d", "e", "Hi").aligned());
        assertFalse(
                PromptTokenAlignment.align("Hi", List.of("Hi"), List.of(), 1).aligned());
    }

    @Test
    void aLongRunOfByteTokensAlignsQuickly() {
        // 3,000 CJK characters, each as three U+FFFD byte tokens: 9,000 tokens in one run of non-ASCII bytes.
        StringBuilder prompt = new StringBuilder("Q\n");
        List<String> tokens = new ArrayList<>(List.of("<s>", "Q", "\n"));
        for (int i = 0; i < 3000; i++) {
            prompt.appendCodePoint(0x4E00 + i);
            tokens.addAll(Collections.nCopies(3, FFFD));
        }
        tokens.add(FFFD);
        List<Double> logprobs = new ArrayList<>(Collections.nCopies(tokens.size(), -1.0));
        for (long usage : new long[] {tokens.size() - 1, 0}) {
            PromptTokenAlignment a = assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> PromptTokenAlignment.align(prompt.toString(), tokens, logprobs, usage));
            assertTrue(a.aligned(), a.failure());
            assertEquals(tokens.size() - 1, a.promptTokenCount());
            TokenSpan last = a.spans().get(a.spans().size() - 1);
            assertEquals(List.of(prompt.length() - 1, prompt.length()), List.of(last.start(), last.end()));
        }
    }
}

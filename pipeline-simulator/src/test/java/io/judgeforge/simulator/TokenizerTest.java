package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Hello, world!",
                "  leading and trailing   ",
                "tabs\tand\nnew lines\n\n",
                "x=3.14; y = x*2 -- done?",
                "Ünïcödé wörds, 日本語 and emoji 😀 mixed.",
                "\"quoted\" (parenthesised) [bracketed]"
            })
    void tokensConcatenateToTheTextAndOffsetsPointAtThem(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);

        assertEquals(text, tokens.stream().map(Token::text).collect(Collectors.joining()));
        for (Token token : tokens) {
            assertEquals(
                    token.text(),
                    text.substring(token.offset(), token.offset() + token.text().length()));
        }
        assertEquals(tokens.size(), Tokenizer.count(text));
    }

    @Test
    void eachTokenIsWhitespaceThenAWordOrOneSymbol() {
        List<String> tokens = Tokenizer.tokenize("It costs $12.50, ok?  Yes").stream()
                .map(Token::text)
                .toList();

        assertEquals(List.of("It", " costs", " $", "12", ".", "50", ",", " ok", "?", "  Yes"), tokens);
    }

    @Test
    void truncateKeepsTheFirstTokens() {
        assertEquals("One two", Tokenizer.truncate("One two three.", 2));
        assertEquals("", Tokenizer.truncate("One two three.", 0));
        assertEquals("One two three.", Tokenizer.truncate("One two three.", 10));
    }

    @Test
    void repeatedWordsAreCheaperThanNewOnesAndValuesStayInRange() {
        List<Token> tokens = Tokenizer.tokenize("Photosynthesis needs light, and photosynthesis needs water.");
        double[] logprobs = TokenLogprobModel.logprobs(tokens);

        // " photosynthesis" (index 5) and " needs" (index 6) repeat earlier words.
        assertEquals(" photosynthesis", tokens.get(5).text());
        assertTrue(logprobs[5] >= -0.9 && logprobs[5] <= -0.6, "repeat: " + logprobs[5]);
        assertTrue(logprobs[6] >= -0.9 && logprobs[6] <= -0.6, "repeat: " + logprobs[6]);
        assertTrue(logprobs[0] <= -2.0 && logprobs[0] >= -6.5, "new: " + logprobs[0]);
        assertTrue(logprobs[2] <= -2.0 && logprobs[2] >= -6.5, "new: " + logprobs[2]);
        // Short common words are likelier than long rare ones.
        assertTrue(logprobs[4] > logprobs[0], "'and' should beat 'Photosynthesis'");
    }

    @Test
    void logprobsAreDeterministic() {
        List<Token> tokens = Tokenizer.tokenize("The same text scores the same every time.");

        assertEquals(
                java.util.Arrays.toString(TokenLogprobModel.logprobs(tokens)),
                java.util.Arrays.toString(TokenLogprobModel.logprobs(tokens)));
    }
}

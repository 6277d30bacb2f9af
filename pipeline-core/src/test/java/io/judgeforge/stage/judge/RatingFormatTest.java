package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Where each format finds the verdict, and what it refuses to take for one. */
class RatingFormatTest {
    static String raw(String format, String text) {
        RatingFormat.Extraction e = RatingFormat.of("f", format).extract(text);
        assertInstanceOf(RatingFormat.Found.class, e, e::toString);
        return ((RatingFormat.Found) e).raw();
    }

    static String missing(String format, String text) {
        RatingFormat.Extraction e = RatingFormat.of("f", format).extract(text);
        assertInstanceOf(RatingFormat.Missing.class, e, e::toString);
        return ((RatingFormat.Missing) e).reason();
    }

    @Test
    void themisTakesTheNumberAfterThePhraseSkippingAnEchoedPlaceholder() {
        String text = "Format: I believe the overall rating of this response is [[a score from 1 to 5]], and ...\n"
                + "Score 5 is written [[5]].\nI believe the overall rating of this response is [[ 4 ]], and the reasons";
        assertEquals("4", raw("themis", text));
        assertEquals(
                "4.5",
                raw("themis", "The overall rating of this response is [[4.5]]."),
                "a decimal is found here; the Themis integer rule belongs to JudgmentParser");
        assertEquals(
                "two conflicting overall ratings: [[4]] and [[2]]",
                missing("themis", text + "\nSo the overall rating of this response is [[2]]."));
        assertEquals(
                "3",
                raw(
                        "themis",
                        "overall rating of this response is [[3]] ... overall rating for the response is" + " [[3.0]]"),
                "the same value written twice is one verdict");
        assertEquals(
                "overall rating is not an integer: [[a score from 1 to 5]]",
                missing("themis", "I believe the overall rating of this response is [[a score from 1 to 5]]"));
        assertEquals(
                "no overall rating '[[n]]' after 'overall rating of this response is'", missing("themis", "[[4]]"));
    }

    @Test
    void resultTakesTheLastResultMarkerWithDecimalsAndAScoreLabel() {
        assertEquals("4", raw("result", "Feedback: A score of 5 needs more. [RESULT] 4"));
        assertEquals("3.5", raw("result", "Feedback: ok [RESULT] 2 (draft)\nFeedback: better [RESULT] 3.5."));
        // The one Prometheus GPT-4 feedback that kept its marker wrote it this way.
        assertEquals("1", raw("result", "Feedback: misses the persona. [RESULT] Score: 1."));
        assertEquals("A", raw("result", "Feedback: A is better. [RESULT] A"));
        assertEquals("no [RESULT] x in the text", missing("result", "Score: 4"));
        assertEquals("nothing after the last [RESULT]", missing("result", "Feedback: fine. [RESULT]"));
        assertEquals("nothing after the last [RESULT]", missing("result", "[RESULT]\n1. A list item, not a score"));
    }

    @Test
    void aPlaceholderIsNeverAScoreEvenWhenItComesLast() {
        assertEquals(
                "(an integer number between 1 and 5)",
                raw("result", "[RESULT] 4 then [RESULT] (an integer number" + " between 1 and 5)"),
                "the caller rejects it as not a number; the earlier 4 does not stand in");
        assertEquals("rating", raw("last", "[[4]] then [[rating]]"));
        assertEquals("7", raw("last", "Format: [[rating]]\nMy rating: [[7]]"), "an echoed placeholder then the score");
    }

    @Test
    void lastTakesTheLastDoubleBracketIncludingDecimals() {
        assertEquals("8.5", raw("last", "Example: [[1]].\nRating: [[ 8.5 ]]"));
        assertEquals("B", raw("last", "[[A]] vs [[B]]: [[B]]"));
        assertEquals("no [[x]] in the text", missing("last", "Rating: 8"));
        assertEquals("the last match captured nothing", missing("last", "Rating: [[ ]]"));
    }

    @Test
    void quotedFormatAndExamplesFromThePromptAreSkipped() {
        String mtBench = "rate the response on a scale of 1 to 10 by strictly following this format: \"[[rating]]\","
                + " for example: \"Rating: [[5]]\".\n";
        assertEquals(
                "no [[x]] in the text outside quotation marks (a quoted one echoes the prompt)",
                missing("last", mtBench));
        assertEquals("7.5", raw("last", mtBench + "The answer is thin.\nRating: [[7.5]]"));
        String prometheus = "3. The output format should look as follows: \"Feedback: (write a feedback for criteria)"
                + " [RESULT] (an integer number between 1 and 5)\"\n";
        assertEquals(
                "no [RESULT] x in the text outside quotation marks (a quoted one echoes the prompt)",
                missing("result", prometheus));
        assertEquals("2", raw("result", prometheus + "Feedback: \"Score 5\" is far off. [RESULT] 2"));
        assertEquals("5", raw("regex:Rating: \\[\\[(\\d+)]]", mtBench), "a user's regex is applied as written");
    }

    @Test
    void quotationIsJudgedPerLine() {
        String text = "He said \"hi\" [[1]] and \"[[2]]\" and 12\" pipe [[3]]\n\"open [[4]]\nclose\" [[5]]";
        assertFalse(
                RatingFormat.quoted(text, text.indexOf("[[1]]"), text.indexOf("[[1]]") + 5), "quotes closed before");
        assertTrue(RatingFormat.quoted(text, text.indexOf("[[2]]"), text.indexOf("[[2]]") + 5));
        assertFalse(
                RatingFormat.quoted(text, text.indexOf("[[3]]"), text.indexOf("[[3]]") + 5), "an inch mark: no close");
        assertFalse(
                RatingFormat.quoted(text, text.indexOf("[[4]]"), text.indexOf("[[4]]") + 5), "unclosed on its line");
        assertFalse(RatingFormat.quoted(text, text.indexOf("[[5]]"), text.indexOf("[[5]]") + 5));
        String curly = "for example: “Rating: [[5]]”";
        assertTrue(RatingFormat.quoted(curly, curly.indexOf("[[5]]"), curly.indexOf("[[5]]") + 5));
    }

    @Test
    void regexTakesTheLastMatchOfItsOneGroup() {
        assertEquals("9.5", raw("regex:Score: (\\S+)", "Score: 2 (draft)\nScore: 9.5"));
        assertEquals("the regex does not match the text", missing("regex:Score: (\\d+)", "no score"));
        assertEquals("the last match captured nothing", missing("regex:Score: (\\d+)?", "Score: none"));
    }

    @Test
    void badSpecificationsNameTheKeyTheyCameFrom() {
        assertEquals(
                "Invalid value for 'judge.x': 'first' (expected themis, result, last or regex:PATTERN)",
                assertThrows(ConfigException.class, () -> RatingFormat.of("judge.x", "first"))
                        .getMessage());
        assertEquals(
                "Invalid value for 'judge.x': 'regex:(a)(b)' (expected a regex with exactly one capture group;"
                        + " it has 2)",
                assertThrows(ConfigException.class, () -> RatingFormat.of("judge.x", "regex:(a)(b)"))
                        .getMessage());
    }
}

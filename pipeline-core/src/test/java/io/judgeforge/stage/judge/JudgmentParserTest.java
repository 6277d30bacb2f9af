package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgmentParserTest {
    final JudgmentParser parser = new JudgmentParser(1, 5);

    static final String GOOD = """
      I believe the overall rating of this response is [[3]], and the reasons are as follows.
      Strengths of the current response:
      1. Relevance: It answers the question asked. [[4]]
      2. Clarity: Short and readable. [[4]]
      Shortcomings of the current response:
      1. Completeness: It leaves out the second part. [[2]]
      """;

    ParsedJudgment parsed(String text) {
        JudgmentParser.Result r = parser.parse(text);
        assertInstanceOf(JudgmentParser.Parsed.class, r, () -> r.toString());
        return ((JudgmentParser.Parsed) r).judgment();
    }

    String failure(String text) {
        JudgmentParser.Result r = parser.parse(text);
        assertInstanceOf(JudgmentParser.Failed.class, r, () -> r.toString());
        return ((JudgmentParser.Failed) r).detail();
    }

    @Test
    void readsOverallPointsStrengthsAndShortcomings() {
        ParsedJudgment j = parsed(GOOD);
        assertEquals(3, j.score());
        assertEquals(List.of(4, 4, 2), j.pointScores());
        assertEquals(
                List.of("Relevance: It answers the question asked.", "Clarity: Short and readable."), j.strengths());
        assertEquals(List.of("Completeness: It leaves out the second part."), j.shortcomings());
    }

    @Test
    void aBracketEchoedFromThePromptIsNotTheScore() {
        // prometheus-eval #58: the first [[n]] in the text was a rubric example, not the verdict.
        String echoed = "Score 5 means excellent, written as [[5]].\n" + GOOD;
        assertEquals(3, parsed(echoed).score());
    }

    @Test
    void missingConflictingOrOffScaleScoresFail() {
        assertTrue(failure("The response is fine. [[4]]").startsWith("no overall rating"));
        assertTrue(failure(GOOD + "\nI believe the overall rating of this response is [[4]].")
                .startsWith("two conflicting"));
        assertTrue(failure(GOOD.replace("[[3]]", "[[7]]")).contains("off the scale"));
        assertTrue(failure(GOOD.replace("[[3]]", "[[a score from 1 to 5]]")).contains("not an integer"));
        assertTrue(failure(GOOD.replace("[[2]]", "[[0]]")).contains("point rating [[0]]"));
    }

    @Test
    void anEchoedFormatLineBeforeTheVerdictIsSkipped() {
        String echoed =
                "Use exactly this format:\nI believe the overall rating of this response is [[a score from 1 to 5]], and"
                        + " the reasons are as follows.\n\n" + GOOD;
        assertEquals(3, parsed(echoed).score());
    }

    @Test
    void repeatingTheSameOverallScoreIsFine() {
        assertEquals(
                3,
                parsed(GOOD + "\nSo the overall rating for this response is [[3]].")
                        .score());
    }

    @Test
    void themisScoresAreIntegersOnly() {
        // The Themis template asks for an integer, so a decimal is a malformed judgment, not a finer score.
        assertEquals("overall rating is not an integer: [[4.5]]", failure(GOOD.replace("[[3]]", "[[4.5]]")));
        assertEquals("point rating [[3.5]] is not an integer", failure(GOOD.replace("[[2]]", "[[3.5]]")));
    }

    @Test
    void anEchoedTemplateBlockIsNotReadAsTheCritique() {
        String echoed = """
        Use exactly this format:
        I believe the overall rating of this response is [[a score from 1 to 5]], and the reasons are as follows.
        Strengths of the current response:
        1. <criterion>: <explanation> [[<score>]]
        Shortcomings of the current response:
        1. <criterion>: <explanation> [[<score>]]

        """ + GOOD;
        ParsedJudgment j = parsed(echoed);
        assertEquals(3, j.score());
        assertEquals(List.of(4, 4, 2), j.pointScores());
        assertEquals(2, j.strengths().size());
        assertEquals(List.of("Completeness: It leaves out the second part."), j.shortcomings());
    }

    @Test
    void otherFormatsGiveTheOverallScoreWithDecimalsAndNoLists() {
        JudgmentParser last = new JudgmentParser(1, 10, "last");
        ParsedJudgment j = ((JudgmentParser.Parsed) last.parse("Example: [[5]]\nRating: [[8.5]]")).judgment();
        assertEquals(new ParsedJudgment(8.5, List.of(), List.of(), List.of()), j);
        assertEquals(
                new JudgmentParser.Parsed(new ParsedJudgment(8.5, List.of(), List.of(), List.of())),
                last.parse(GOOD + "\nRating: [[8.5]]"),
                "Themis-style lists are not read in another format");
        assertEquals(new JudgmentParser.Failed("overall rating [[11]] is off the scale 1-10"), last.parse("[[11]]"));
        assertEquals(
                new JudgmentParser.Failed("overall rating is not a number: [[rating]]"),
                last.parse("Rating: [[7]] ... Rating: [[rating]]"));
        assertEquals(new JudgmentParser.Failed("no [[x]] in the text"), last.parse("Rating: 7"));

        JudgmentParser result = new JudgmentParser(1, 5, "result");
        assertEquals(
                4.5,
                ((JudgmentParser.Parsed) result.parse("Feedback: good. [RESULT] 4.5"))
                        .judgment()
                        .score());
        assertEquals(
                new JudgmentParser.Failed("overall rating [RESULT] 0 is off the scale 1-5"),
                result.parse("Feedback: bad. [RESULT] 0"));

        JudgmentParser regex = new JudgmentParser(1, 10, "regex:Score: (\\S+)");
        assertEquals(
                6.25,
                ((JudgmentParser.Parsed) regex.parse("Score: 1 (draft)\nScore: 6.25"))
                        .judgment()
                        .score());
        assertEquals(new JudgmentParser.Failed("overall rating is not a number: 'high'"), regex.parse("Score: high"));
    }

    @Test
    void theFormatStringDefaultsToThemisAndIsChecked() {
        assertEquals(
                3,
                ((JudgmentParser.Parsed) new JudgmentParser(1, 5, "themis").parse(GOOD))
                        .judgment()
                        .score());
        assertEquals("themis", parser.format().spec());
        assertEquals(
                "Invalid value for 'rating format': 'first' (expected themis, result, last or regex:PATTERN)",
                assertThrows(ConfigException.class, () -> new JudgmentParser(1, 5, "first"))
                        .getMessage());
    }
}

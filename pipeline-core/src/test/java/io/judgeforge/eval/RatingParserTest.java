package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The rating formats, for scores and for pairwise labels. */
class RatingParserTest {
    static final Scale ONE_TO_FIVE = new Scale(1, 5);

    static RatingParser pointwise(String format) {
        return RatingParser.of(format, EvalMode.POINTWISE, ONE_TO_FIVE);
    }

    static RatingParser pairwise(String format) {
        return RatingParser.of(format, EvalMode.PAIRWISE, ONE_TO_FIVE);
    }

    static Rating value(double v) {
        return new Rating.Value(v);
    }

    static final String THEMIS_WITH_ECHO = """
      The rubric says a perfect answer is written as [[5]].
      I believe the overall rating of this response is [[2]], and the reasons are as follows.
      Strengths of the current response:
      1. Relevance: It stays on topic. [[3]]
      Shortcomings of the current response:
      1. Accuracy: The date is wrong. [[1]]
      """;

    @Test
    void themisReadsTheOverallVerdictNotAnEchoedBracketBeforeIt() {
        assertEquals(value(2), pointwise("themis").fromText(THEMIS_WITH_ECHO));
    }

    @Test
    void themisFailuresComeBackAsUnusableWithTheParsersReason() {
        assertEquals(
                new Rating.Unusable("no overall rating '[[n]]' after 'overall rating of this response is'"),
                pointwise("themis").fromText("Looks fine to me. [[4]]"));
        assertEquals(
                new Rating.Unusable("overall rating [[6]] is off the scale 1-5"),
                pointwise("themis").fromText("The overall rating of this response is [[6]]."));
    }

    @Test
    void lastReadsTheLastDoubleBracket() {
        assertEquals(value(4), pointwise("last").fromText("Example: [[1]]. My verdict: [[ 4 ]]"));
        assertEquals(value(3.5), pointwise("last").fromText("Rating: [[3.5]]"));
        assertEquals(
                new Rating.Unusable("no [[x]] in the text"), pointwise("last").fromText("Rating: 4"));
        assertEquals(
                new Rating.Unusable("not a number: 'rating'"), pointwise("last").fromText("[[4]] then [[rating]]"));
        assertEquals(
                new Rating.Unusable("score 9 is off the scale 1-5"),
                pointwise("last").fromText("[[9]]"));
    }

    @Test
    void regexTakesTheLastMatchOfItsOneGroup() {
        RatingParser p = pointwise("regex:Score:\\s*(\\d+)");
        assertEquals(value(5), p.fromText("Score: 2 (draft)\nScore: 5"));
        assertEquals(new Rating.Unusable("the regex does not match the text"), p.fromText("no score here"));
    }

    @Test
    void pairwiseTextMapsLettersTieAndDigits() {
        RatingParser last = pairwise("last");
        assertEquals(value(1), last.fromText("Output [[A]] if A is better... Final verdict: [[A]]"));
        assertEquals(value(2), last.fromText("[[A]] vs [[B]]: [[B]]"));
        assertEquals(value(0), last.fromText("[[C]]"));
        assertEquals(value(0), last.fromText("[[tie]]"));
        assertEquals(value(2), last.fromText("[[2]]"));
        assertEquals(new Rating.Unusable("label 3 is not 1, 2 or 0 (tie)"), last.fromText("[[3]]"));
        assertEquals(value(1), pairwise("regex:Winner: (\\w+)").fromText("Winner: B\nWinner: A"));
    }

    @Test
    void predValuesAreNumbersOnTheScaleOrLabels() {
        assertEquals(value(4), pointwise("themis").fromValue("4"));
        assertEquals(value(4.5), pointwise("themis").fromValue(" 4.5 "));
        assertEquals(
                new Rating.Unusable("score 0 is off the scale 1-5"),
                pointwise("themis").fromValue("0"));
        assertEquals(
                new Rating.Unusable("not a number: 'NaN'"), pointwise("themis").fromValue("NaN"));
        assertEquals(
                new Rating.Unusable("empty prediction"), pointwise("themis").fromValue(""));
        assertEquals(value(0), pairwise("last").fromValue("Tie"));
        assertEquals(value(1), pairwise("last").fromValue("1.0"));
        assertEquals(
                new Rating.Unusable("not a pairwise label: 'garbage'"),
                pairwise("last").fromValue("garbage"));
    }

    @Test
    void badFormatsAreConfigErrorsNamingTheFlag() {
        assertEquals(
                "Invalid value for '--rating-format': 'first' (expected themis, result, last or regex:PATTERN)",
                assertThrows(ConfigException.class, () -> pointwise("first")).getMessage());
        assertEquals(
                "Invalid value for '--rating-format': 'regex:\\d+' (expected a regex with exactly one capture group; it has 0)",
                assertThrows(ConfigException.class, () -> pointwise("regex:\\d+"))
                        .getMessage());
        assertEquals(
                "Invalid value for '--rating-format': 'regex:(a)(b)' (expected a regex with exactly one capture group; it has 2)",
                assertThrows(ConfigException.class, () -> pointwise("regex:(a)(b)"))
                        .getMessage());
        assertEquals(
                "Invalid value for '--rating-format': 'regex:(' (expected regex:PATTERN with a valid Java regex;"
                        + " Unclosed group at index 1)",
                assertThrows(ConfigException.class, () -> pointwise("regex:(")).getMessage());
        // Refused when the parser is made, before any file is read or any judge called.
        assertEquals(
                "Invalid value for '--rating-format': 'themis' (expected result, last or regex:PATTERN when"
                        + " --pred-scale differs from the benchmark's scale; the Themis format scores on the benchmark's scale)",
                assertThrows(
                                ConfigException.class,
                                () -> RatingParser.of(
                                        "themis",
                                        EvalMode.POINTWISE,
                                        new Scale(1, 5),
                                        PredictionScale.parse("0-1", new Scale(1, 5))))
                        .getMessage());
    }

    @Test
    void pairwiseThemisTextIsReadWithTheJudgeStagesVerdictParser() {
        RatingParser themis = pairwise("themis");
        assertEquals(
                new Rating.Value(1),
                themis.fromText("I believe the better response is [[A]], and the reasons are as follows."));
        assertEquals(new Rating.Value(0), themis.fromText("I believe the better response is [[C]]."));
        assertEquals(
                new Rating.Unusable("no verdict [[A]], [[B]] or [[C]] after 'the better response is'"),
                themis.fromText("Response A is better. [[A]]"));
        // The swapped order's text names positions as shown: its A is the benchmark's response 2.
        assertEquals(new Rating.Value(2), themis.swappedFromText("I believe the better response is [[A]]."));
        assertEquals(new Rating.Value(1), themis.swappedFromText("I believe the better response is [[B]]."));
        assertEquals(new Rating.Value(0), themis.swappedFromText("I believe the better response is [[C]]."));
    }
}

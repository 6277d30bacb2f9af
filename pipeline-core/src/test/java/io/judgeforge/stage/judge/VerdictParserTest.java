package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictParserTest {
    final VerdictParser themis = new VerdictParser();
    final VerdictParser last = new VerdictParser("last");

    static final String GOOD = """
      I believe the better response is [[A]], and the reasons are as follows.
      Strengths of Response A:
      1. Accuracy: Gets the date right.
      2. Clarity: One short paragraph.
      Shortcomings of Response A:
      1. Completeness: Skips the second question.
      Strengths of Response B:
      1. Completeness: Answers both questions.
      Shortcomings of Response B:
      1. Accuracy: The date is a year off.
      2. Concision: Repeats itself.
      """;

    static ParsedVerdict parsed(VerdictParser parser, String text) {
        VerdictParser.Result r = parser.parse(text);
        assertInstanceOf(VerdictParser.Parsed.class, r, r::toString);
        return ((VerdictParser.Parsed) r).verdict();
    }

    static String failure(VerdictParser parser, String text) {
        VerdictParser.Result r = parser.parse(text);
        assertInstanceOf(VerdictParser.Failed.class, r, r::toString);
        return ((VerdictParser.Failed) r).detail();
    }

    @Test
    void readsTheVerdictAndEachResponsesLists() {
        assertEquals(
                new ParsedVerdict(
                        Verdict.A,
                        List.of("Accuracy: Gets the date right.", "Clarity: One short paragraph."),
                        List.of("Completeness: Skips the second question."),
                        List.of("Completeness: Answers both questions."),
                        List.of("Accuracy: The date is a year off.", "Concision: Repeats itself.")),
                parsed(themis, GOOD));
    }

    @Test
    void tokensAreCaseInsensitiveWithSpacesAndCIsATie() {
        assertEquals(Verdict.TIE, parsed(themis, GOOD.replace("[[A]]", "[[C]]")).verdict());
        assertEquals(Verdict.B, parsed(themis, GOOD.replace("[[A]]", "[[ b ]]")).verdict());
        assertEquals(
                Verdict.TIE, parsed(last, "Both are equally good.\n[[ c ]]").verdict());
    }

    @Test
    void anEchoedPlaceholderIsSkippedAndItsTemplateListsAreNotRead() {
        String echoed = """
        Use exactly this format:
        I believe the better response is [[A, B or C]], and the reasons are as follows.
        Strengths of Response A:
        1. <criterion>: <explanation>

        """ + GOOD.replace("[[A]]", "[[B]]");
        ParsedVerdict v = parsed(themis, echoed);
        assertEquals(Verdict.B, v.verdict());
        assertEquals(2, v.strengthsA().size(), "the echoed '<criterion>: <explanation>' is not a strength");
        assertEquals(
                "verdict is not A, B or C: [[A, B or C]]",
                failure(themis, "I believe the better response is [[A, B or C]], and the reasons are as follows."));
    }

    @Test
    void conflictingOrMissingVerdictsFail() {
        assertEquals(
                "conflicting verdicts: [[A]] after 'the better response is', then [[B]]",
                failure(themis, GOOD + "\nOn reflection, the better response is [[B]]."));
        assertEquals(
                "conflicting verdicts: [[A]] after 'the better response is', then [[C]]",
                failure(themis, GOOD + "\nFinal verdict: [[C]]"));
        assertEquals(
                Verdict.A,
                parsed(themis, GOOD + "\nSo the better response is [[a]].").verdict(),
                "the same verdict twice is one verdict");
        assertEquals(
                "no verdict [[A]], [[B]] or [[C]] after 'the better response is'",
                failure(themis, "Response A is better. [[A]]"));
    }

    @Test
    void lastNeedsExactlyOneDistinctUnquotedToken() {
        String mtBench = "output your final verdict by strictly following this format: \"[[A]]\" if assistant A is"
                + " better, \"[[B]]\" if assistant B is better, and \"[[C]]\" for a tie.\n";
        assertEquals(
                "no verdict [[A]], [[B]] or [[C]] outside quotation marks (a quoted one echoes the prompt)",
                failure(last, mtBench));
        assertEquals(
                new ParsedVerdict(Verdict.B, List.of(), List.of(), List.of(), List.of()),
                parsed(last, mtBench + "Assistant B cites its source.\n\n[[B]]"));
        assertEquals(
                Verdict.A, parsed(last, "[[A]] because ... so again: [[A]]").verdict());
        assertEquals(
                "more than one verdict in the text: [[A]], [[B]]",
                failure(last, "Output [[A]] if A is better, [[B]] if B is better.\n[[B]]"));
        assertEquals("no verdict [[A]], [[B]] or [[C]] in the text", failure(last, "Rating: [[5]]"));
    }

    @Test
    void anUnknownFormatIsAConfigError() {
        assertEquals(
                "Invalid value for 'verdict format': 'result' (expected themis or last)",
                assertThrows(ConfigException.class, () -> new VerdictParser("result"))
                        .getMessage());
        assertEquals(Verdict.A, parsed(new VerdictParser("themis"), GOOD).verdict());
    }
}

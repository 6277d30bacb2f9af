package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionListParserTest {
    @Test
    void readsNumberedListsIgnoringPreamble() {
        assertEquals(
                List.of("What is A?", "Why B?"), QuestionListParser.parse("Here are two:\n1. What is A?\n2) Why B?\n"));
    }

    @Test
    void joinsContinuationLinesOfAnItem() {
        assertEquals(
                List.of("Translate into French:\n\"Good morning.\"", "Summarize it."),
                QuestionListParser.parse("1. Translate into French:\n   \"Good morning.\"\n\n2. Summarize it."));
    }

    @Test
    void readsBulletsAndJsonArrays() {
        assertEquals(List.of("a b", "c d"), QuestionListParser.parse("- a b\n* c d"));
        assertEquals(List.of("x y", "z"), QuestionListParser.parse("[\"x y\", \"z\", \"  \"]"));
    }

    @Test
    void textWithoutAListGivesNothing() {
        assertEquals(List.of(), QuestionListParser.parse("I cannot help with that."));
    }
}

package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSpansTest {
    static final String SINGLE =
            "I believe the overall rating of this response is [[4]], and the reasons are as follows.\n"
                    + "Strengths of the current response:\n1. Accuracy: The date is right. [[5]]\n"
                    + "Shortcomings of the current response:\n1. Detail: It stops short. [[3]]";

    static List<String> texts(String target, String kind) {
        List<String> out = new ArrayList<>();
        for (TargetSpan s : TargetSpans.of(target)) {
            if (s.kind().equals(kind)) {
                out.add(target.substring(s.start(), s.end()));
            }
        }
        return out;
    }

    @Test
    void theRationaleIsWhatTheJudgeSaysAboutTheCriteria() {
        assertEquals(
                List.of("Accuracy: The date is right.", "Detail: It stops short."),
                texts(SINGLE, TargetSpan.RATIONALE));
    }

    @Test
    void scoresHeadersNumbersAndTheVerdictSentenceAreFormat() {
        List<String> format = texts(SINGLE, TargetSpan.FORMAT);
        assertTrue(
                format.get(0)
                        .startsWith(
                                "I believe the overall rating of this response is [[4]], and the reasons are as follows.\n"
                                        + "Strengths of the current response:\n1. "),
                format.get(0));
        assertEquals(" [[5]]\nShortcomings of the current response:\n1. ", format.get(1));
        assertEquals(" [[3]]", format.get(2));
    }

    @Test
    void offsetsCountCodePointsSoAnEmojiIsOneCharacter() {
        String target = "I believe the overall rating of this response is [[4]], and the reasons are as follows.\n"
                + "Strengths of the current response:\n1. Tone \uD83D\uDE00: warm. [[5]]";
        List<TargetSpan> spans = TargetSpans.of(target);
        assertEquals(
                target.codePointCount(0, target.length()),
                spans.get(spans.size() - 1).end());
        TargetSpan rationale = spans.stream()
                .filter(s -> s.kind().equals(TargetSpan.RATIONALE))
                .findFirst()
                .orElseThrow();
        int[] points = target.codePoints().toArray();
        assertEquals(
                "Tone \uD83D\uDE00: warm.", new String(points, rationale.start(), rationale.end() - rationale.start()));
    }

    @Test
    void spansCoverTheTextInOrderAndAlternate() {
        for (String target : List.of(
                SINGLE,
                "plain rationale only",
                "I believe the better response is [[C]], and the reasons"
                        + " are as follows.\nStrengths of Response A:\n1. Both: equal.\nShortcomings of Response B:\n1. None: fine.")) {
            List<TargetSpan> spans = TargetSpans.of(target);
            int at = 0;
            String previous = null;
            for (TargetSpan s : spans) {
                assertEquals(at, s.start());
                assertTrue(s.end() > s.start());
                assertTrue(!s.kind().equals(previous), "neighbours differ in kind");
                previous = s.kind();
                at = s.end();
            }
            assertEquals(target.length(), at);
        }
    }
}

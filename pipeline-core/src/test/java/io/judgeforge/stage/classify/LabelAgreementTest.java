package io.judgeforge.stage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelAgreementTest {
    static final Set<String> MATH = Set.of("math_qa");
    static final Set<String> WRITING = Set.of("creative_writing", "professional_writing");

    /** 7 items: math 1 of 3 agree (one wrong, one missing); writing 3 of 4 agree. */
    static LabelAgreement sample() {
        return new LabelAgreement()
                .add("math", MATH, "math_qa")
                .add("math", MATH, "close_qa")
                .add("math", MATH, null)
                .add("writing", WRITING, "creative_writing")
                .add("writing", WRITING, "rewriting")
                .add("writing", WRITING, "professional_writing")
                .add("writing", WRITING, "creative_writing");
    }

    @Test
    void agreementIsTheShareOfPredictionsInTheAcceptedSet() {
        LabelAgreement.Result r = sample().result();
        assertEquals(7, r.n());
        assertEquals(4, r.agreed());
        assertEquals(1, r.missing());
        assertEquals(4 / 7.0, r.agreement());
    }

    @Test
    void perCategoryFigures() {
        LabelAgreement.Result r = sample().result();
        assertEquals(List.of("math", "writing"), List.copyOf(r.byCategory().keySet()));
        assertEquals(new LabelAgreement.Figures(3, 1, 1), r.byCategory().get("math"));
        assertEquals(1 / 3.0, r.byCategory().get("math").agreement());
        assertEquals(new LabelAgreement.Figures(4, 3, 0), r.byCategory().get("writing"));
        assertEquals(0.75, r.byCategory().get("writing").agreement());
    }

    @Test
    void missingPredictionsCountAsWrongAndAreNeverDropped() {
        LabelAgreement.Result r = new LabelAgreement()
                .add("math", MATH, null)
                .add("math", MATH, null)
                .add("math", MATH, "math_qa")
                .add("math", MATH, null)
                .result();
        assertEquals(4, r.n());
        assertEquals(3, r.missing());
        assertEquals(0.25, r.agreement());
        assertEquals(
                Map.of(LabelAgreement.NO_LABEL, 3, "math_qa", 1), r.confusion().get("math"));
    }

    @Test
    void confusionCountsEveryPredictionMostFrequentFirst() {
        LabelAgreement.Result r = sample().result();
        assertEquals(
                List.of(Map.entry("(none)", 1), Map.entry("close_qa", 1), Map.entry("math_qa", 1)),
                List.copyOf(r.confusion().get("math").entrySet()));
        assertEquals(
                List.of(
                        Map.entry("creative_writing", 2),
                        Map.entry("professional_writing", 1),
                        Map.entry("rewriting", 1)),
                List.copyOf(r.confusion().get("writing").entrySet()));
    }

    @Test
    void theSameLabelAgreesOnlyWhereItsCategoryAcceptsIt() {
        LabelAgreement.Result r = new LabelAgreement()
                .add("stem", Set.of("close_qa"), "open_qa")
                .add("humanities", Set.of("close_qa", "open_qa"), "open_qa")
                .result();
        assertEquals(0, r.byCategory().get("stem").agreed());
        assertEquals(1, r.byCategory().get("humanities").agreed());
        assertEquals(0.5, r.agreement());
    }

    @Test
    void aResultIsAnImmutableSnapshot() {
        LabelAgreement acc = sample();
        LabelAgreement.Result before = acc.result();
        acc.add("math", MATH, "math_qa").add("stem", Set.of("close_qa"), "close_qa");
        assertEquals(7, before.n());
        assertEquals(2, before.byCategory().size());
        assertEquals(1, before.confusion().get("math").get("math_qa"));
        assertThrows(
                UnsupportedOperationException.class, () -> before.byCategory().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> before.confusion().get("math").put("x", 1));
        assertEquals(9, acc.result().n());
    }

    @Test
    void noItemsGiveNoAgreementFigure() {
        LabelAgreement.Result r = new LabelAgreement().result();
        assertEquals(0, r.n());
        assertTrue(Double.isNaN(r.agreement()));
        assertTrue(r.toMarkdown().contains("| **all** | 0 | 0 | 0 | n/a |  |"), r.toMarkdown());
    }

    @Test
    void badItemsAreRejectedWithAReason() {
        LabelAgreement acc = new LabelAgreement();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> acc.add("math", Set.of(), "math_qa"))
                .getMessage()
                .contains("'math' has no accepted scenario ids"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> acc.add(null, MATH, "math_qa"))
                .getMessage()
                .contains("needs a category"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> acc.add("math", MATH, ""))
                .getMessage()
                .contains("pass null"));
        assertEquals(0, acc.result().n());
    }

    @Test
    void inconsistentFiguresCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new LabelAgreement.Figures(2, 2, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LabelAgreement.Result(
                        3, 1, 0, Map.of("a", new LabelAgreement.Figures(2, 1, 0)), Map.of("a", Map.of())));
    }

    @Test
    void markdownTableHasARowPerCategoryAndATotal() {
        assertEquals("""
        | category | n | agreed | missing | agreement | predicted (count) |
        |---|---:|---:|---:|---:|---|
        | math | 3 | 1 | 1 | 0.333 | (none) 1, close_qa 1, math_qa 1 |
        | writing | 4 | 3 | 0 | 0.750 | creative_writing 2, professional_writing 1, rewriting 1 |
        | **all** | 7 | 4 | 1 | 0.571 |  |
        """, sample().result().toMarkdown());
    }
}

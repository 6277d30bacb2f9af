package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.RejectReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceCopyCheckTest {
    static final String PASSAGE =
            "The Amazon rainforest covers much of the Amazon basin of South America, an area of seven"
                    + " million square kilometres, of which five and a half million are covered by the rainforest.";
    static final String COPIED = "The Amazon rainforest covers much of the Amazon basin of South America?";
    static final ReferenceCopyCheck CHECK = new ReferenceCopyCheck(0.5, List.of("rewriting", "translation"));

    @Test
    void aQuestionThatCopiesItsPassageIsRejectedWithItsShare() {
        assertEquals(
                Optional.of(new Rejection(
                        RejectReason.COPIES_REFERENCE, "shares 1.00 of its 8-word sequences with ref-7#2")),
                CHECK.check(COPIED, "close_qa", "ref-7#2", PASSAGE));
    }

    /** 13 words give 6 eight-grams, of which 4 are copied: 0.67, over the 0.5 allowed. */
    @Test
    void theDetailGivesTheShareToTwoDecimals() {
        String partly = "covers much of the Amazon basin of South America, an area where what";
        assertEquals(
                "shares 0.67 of its 8-word sequences with ref-1",
                CHECK.check(partly, "open_qa", "ref-1", PASSAGE).orElseThrow().detail());
    }

    @Test
    void aShareAtTheLimitIsAllowed() {
        String half = "covers much of the Amazon basin of South America asks curious";
        assertEquals(0.5, ReferenceOverlap.share(half, PASSAGE));
        assertEquals(Optional.empty(), CHECK.check(half, "open_qa", "ref-1", PASSAGE));
    }

    @Test
    void attachedMaterialIsNotPartOfTheQuestion() {
        String withMaterial =
                "Which country holds most of the forest described below?" + InstructionWriter.MATERIAL_MARKER + PASSAGE;
        assertEquals(Optional.empty(), CHECK.check(withMaterial, "reading_comprehension", "ref-1", PASSAGE));
        assertEquals(
                "shares 1.00 of its 8-word sequences with ref-1",
                CHECK.check(COPIED + InstructionWriter.MATERIAL_MARKER + "other", "close_qa", "ref-1", PASSAGE)
                        .orElseThrow()
                        .detail());
    }

    @Test
    void exemptScenariosAndInstructionsWithoutAPassageAreNotChecked() {
        assertEquals(Optional.empty(), CHECK.check("Translate: " + COPIED, "translation", "ref-1", PASSAGE));
        assertEquals(Optional.empty(), CHECK.check(COPIED, "close_qa", null, null));
        assertEquals(Optional.empty(), CHECK.check(COPIED, "close_qa", "ref-gone", null), "a passage no longer there");
    }
}

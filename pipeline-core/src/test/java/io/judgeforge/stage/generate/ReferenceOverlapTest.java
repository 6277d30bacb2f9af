package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReferenceOverlapTest {
    static final String REFERENCE = "The Amazon rainforest covers much of the Amazon basin of South America, an area of"
            + " seven million square kilometres, of which five and a half million are covered by the rainforest.";

    @Test
    void aQuestionThatLiftsASentenceScoresOne() {
        assertEquals(
                1.0,
                ReferenceOverlap.share(
                        "The Amazon rainforest covers much of the Amazon basin of South America?", REFERENCE));
    }

    @Test
    void aQuestionGroundedInTheReferenceButWrittenAnewScoresZero() {
        assertEquals(
                0.0,
                ReferenceOverlap.share(
                        "Roughly what share of the Amazon basin does the rainforest cover, and how"
                                + " large is the basin?",
                        REFERENCE));
    }

    /** 13 words give 6 eight-grams; the first 9 words are copied, so 2 of the 6 grams occur in the reference. */
    @Test
    void thePartlyCopiedShareIsTheShareOfCopiedEightGrams() {
        String question = "of seven million square kilometres, of which five and what about the coast";
        assertEquals(2 / 6.0, ReferenceOverlap.share(question, REFERENCE), 1e-12);
    }

    @Test
    void caseAndPunctuationDoNotHideACopy() {
        assertEquals(
                1.0, ReferenceOverlap.share("THE AMAZON RAINFOREST -- covers much of the Amazon; basin!", REFERENCE));
    }

    @Test
    void instructionsShorterThanOneGramAndMissingReferencesScoreZero() {
        assertEquals(0.0, ReferenceOverlap.share("The Amazon rainforest covers much", REFERENCE));
        assertEquals(0.0, ReferenceOverlap.share("The Amazon rainforest covers much of the Amazon basin", null));
    }

    @Test
    void chineseIsComparedInRunsOfSixteenCharacters() {
        String reference = "高音单簧管和高音萨克斯的调性不同。高音单簧管的调性通常为E♭，而高音萨克斯的调性则为B♭。";
        assertEquals(1.0, ReferenceOverlap.share("高音单簧管和高音萨克斯的调性不同。", reference), 1e-12);
        // Grounded, not copied: it shares a 14-character phrase, short of one 16-character run.
        assertEquals(0.0, ReferenceOverlap.share("高音单簧管和高音萨克斯的调性有什么区别？", reference), 1e-12);
        assertEquals(0.0, ReferenceOverlap.share("请比较两种乐器的音色和用途。", reference), 1e-12);
    }
}

package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.RejectReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructionValidatorTest {
    final InstructionValidator v = new InstructionValidator(3, 6);

    @Test
    void filtersByLengthAndRefusal() {
        assertEquals(Optional.of(RejectReason.TOO_SHORT), v.reject("Two words"));
        assertEquals(Optional.of(RejectReason.TOO_LONG), v.reject("one two three four five six seven"));
        assertEquals(Optional.of(RejectReason.REFUSAL), v.reject("I'm sorry, I cannot"));
        assertEquals(Optional.empty(), v.reject("What causes the tides?"));
    }

    @Test
    void normalisationMakesTrivialVariantsEqual() {
        assertEquals(
                InstructionValidator.normalized("What is Café  au lait?"),
                InstructionValidator.normalized("what is cafe au-lait"));
    }

    /** Chinese has no spaces between words: each character counts as one, so a Chinese question is not "too short". */
    @Test
    void chineseCharactersAreWordsOfTheirOwn() {
        assertEquals(
                java.util.List.of("高", "音", "单", "簧", "管", "in", "b"),
                java.util.List.of(InstructionValidator.words("高音单簧管 in B?")));
        assertEquals(Optional.empty(), v.reject("调性相同吗"));
        assertEquals(Optional.of(RejectReason.TOO_LONG), v.reject("高音单簧管和高音萨克斯的调性相同吗"));
    }

    @Test
    void punctuationIsNotAWord() {
        assertEquals(3, InstructionValidator.words("What -- causes   tides ?").length);
    }
}

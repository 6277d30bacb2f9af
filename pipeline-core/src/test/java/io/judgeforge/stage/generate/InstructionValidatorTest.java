package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructionValidatorTest {
  final InstructionValidator v = new InstructionValidator(3, 6);

  @Test
  void filtersByLengthAndRefusal() {
    assertEquals(Optional.of("too_short"), v.reject("Two words"));
    assertEquals(Optional.of("too_long"), v.reject("one two three four five six seven"));
    assertEquals(Optional.of("refusal"), v.reject("I'm sorry, I cannot"));
    assertEquals(Optional.empty(), v.reject("What causes the tides?"));
  }

  @Test
  void normalisationMakesTrivialVariantsEqual() {
    assertEquals(InstructionValidator.normalized("What is Café  au lait?"), InstructionValidator.normalized("what is cafe au-lait"));
  }
}

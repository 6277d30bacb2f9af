package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuestionPartTest {
    @Test
    void theQuestionIsTheTextBeforeTheFirstMaterial() {
        String marker = InstructionWriter.MATERIAL_MARKER;
        assertEquals("Summarize it.", QuestionPart.of("Summarize it." + marker + "A passage." + marker + "Another."));
        assertEquals("A question without material?", QuestionPart.of("A question without material?"));
        assertEquals("", QuestionPart.of(marker + "Only material."));
    }
}

package io.judgeforge.stage.export;

import io.judgeforge.teacher.ChatMessage;
import java.util.List;

/**
 * One record of the scenario-classifier set (Themis's #SC): the classification prompt for one
 * instruction as the user turn and its scenario label as the assistant turn, in the format the
 * pipeline's own classify stage parses, so a model trained on the set can replace the teacher there.
 * {@code source} is how the instruction came to be: reference, quiz or imported.
 */
public record ClassifierExample(
        List<ChatMessage> messages,
        String id,
        String split,
        String scenario,
        String source,
        String intendedScenario,
        String predictedScenario,
        String templateVersion) {

    public ClassifierExample {
        messages = List.copyOf(messages);
    }
}

package io.judgeforge.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a scenario's instructions are generated (Themis section 3.2). Written as its lower-case code everywhere. */
public enum GenerationMethod {
    /** Reference-based questioning: the teacher writes questions from a reference text and seeds. */
    REFERENCE,
    /** Role-playing quizzing: the teacher plays a test writer given difficulty, audience, subject, topic and task. */
    QUIZ;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static GenerationMethod of(String code) {
        return valueOf(code.toUpperCase());
    }
}

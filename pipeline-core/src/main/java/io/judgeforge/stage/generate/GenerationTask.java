package io.judgeforge.stage.generate;

import io.judgeforge.scenario.GenerationMethod;
import java.util.List;

/**
 * One planned teacher call that writes {@code count} instructions for a scenario. Reference-based
 * tasks carry their reference; quiz tasks carry their quiz spec, and reading-comprehension quizzes
 * also a reference as their material.
 */
public record GenerationTask(
        String id,
        String scenario,
        GenerationMethod method,
        int count,
        Long referenceIndex,
        String referenceId,
        String reference,
        String difficulty,
        String audience,
        String subject,
        String topic,
        String task,
        List<String> seedExampleIds) {

    public GenerationTask {
        seedExampleIds = List.copyOf(seedExampleIds);
    }

    public GenerationTask withReference(String id, String text) {
        return new GenerationTask(
                this.id,
                scenario,
                method,
                count,
                referenceIndex,
                id,
                text,
                difficulty,
                audience,
                subject,
                topic,
                task,
                seedExampleIds);
    }
}

package io.judgeforge.stage.respond;

/** One candidate answer to an instruction, from one model of the answer pool. */
public record Response(
        String id,
        String instructionId,
        String scenario,
        String instruction,
        String model,
        String modelName,
        String text,
        long promptTokens,
        long completionTokens) {}

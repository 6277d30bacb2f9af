package io.judgeforge.stage.generate;

import java.io.Serializable;

/** A hand-written example instruction for a scenario (inputs.seeds). */
public record SeedInstruction(String id, String scenario, String text) implements Serializable {}

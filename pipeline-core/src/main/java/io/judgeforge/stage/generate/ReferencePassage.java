package io.judgeforge.stage.generate;

/** A reference text that instructions are written from (inputs.references). */
public record ReferencePassage(String id, String title, String topic, String text) {}

package io.judgeforge.stage.export;

/** Code points {@code [start, end)} of a judge target, and whether they are format or rationale text. */
public record TargetSpan(int start, int end, String kind) {
    public static final String FORMAT = "format";
    public static final String RATIONALE = "rationale";
}

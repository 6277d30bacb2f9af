package io.judgeforge.eval;

/** A confidence interval, both ends included; {@code NaN} ends where no resample gave a defined value. */
public record Interval(double lower, double upper) {}

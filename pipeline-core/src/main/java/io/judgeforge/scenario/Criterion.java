package io.judgeforge.scenario;

import java.io.Serializable;

/** One judge criterion of a scenario: a short name and what a good response does. */
public record Criterion(String name, String description) implements Serializable {}

package io.judgeforge.scenario;

import java.io.Serializable;
import java.util.List;

/** A usage scenario with its judge criteria in descending order of importance. */
public record Scenario(
        String id,
        String name,
        String shortName,
        GenerationMethod method,
        boolean closeEnded,
        String description,
        List<Criterion> criteria)
        implements Serializable {
    public Scenario {
        criteria = List.copyOf(criteria);
    }
}

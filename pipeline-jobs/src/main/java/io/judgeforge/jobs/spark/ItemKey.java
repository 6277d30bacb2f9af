package io.judgeforge.jobs.spark;

import java.io.Serializable;

/** Reads a key (id, scenario) of a work item for the item log. */
@FunctionalInterface
public interface ItemKey<I> extends Serializable {
    String of(I item);
}

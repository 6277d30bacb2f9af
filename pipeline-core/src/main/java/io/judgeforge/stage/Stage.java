package io.judgeforge.stage;

import io.judgeforge.teacher.TeacherClients;
import java.io.Serializable;

/**
 * The contract of a stage's teacher step, for one work item: engine-free logic (a generation call, a
 * classification, an answer, a judgment, an IFD score) that pipeline-jobs' TeacherStep runs over a
 * dataset's partitions with calls in flight, and that tests run on plain values. Serializable because
 * Spark ships it to the executors.
 */
@FunctionalInterface
public interface Stage<I, O> extends Serializable {
    ItemOutcome<O> apply(I item, TeacherClients clients);
}

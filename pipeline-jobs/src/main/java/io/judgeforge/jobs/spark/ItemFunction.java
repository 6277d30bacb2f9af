package io.judgeforge.jobs.spark;

import io.judgeforge.stage.ItemResult;
import io.judgeforge.teacher.TeacherClients;
import java.io.Serializable;

/** The work a teacher step does for one item: engine-free logic from pipeline-core. */
@FunctionalInterface
public interface ItemFunction<I, O> extends Serializable {
  ItemResult<O> apply(I item, TeacherClients clients);
}

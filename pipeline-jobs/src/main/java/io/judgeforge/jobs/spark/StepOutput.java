package io.judgeforge.jobs.spark;

import io.judgeforge.stage.StepReport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A step's kept records, its rejected items (RejectedRecord rows) and its accounting. */
public record StepOutput(Dataset<Row> records, Dataset<Row> rejects, StepReport report) {}

package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileStatus;

/** Which run folder under {@code OUT/runs} a command works in when no {@code --run-id} names one. */
final class RunIds {
    private RunIds() {}

    /** The id of a new run: {@code run.id}, else the UTC time and a random suffix. */
    static String fresh(PipelineConfig.Run run) {
        if (!run.id().isEmpty()) {
            return run.id();
        }
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** The run a stage continues: {@code run.id}, else the run under {@code out}/runs whose folder changed last. */
    static String latest(PipelineConfig.Run run, HadoopFiles files, String out) {
        if (!run.id().isEmpty()) {
            return run.id();
        }
        String runs = out + "/runs";
        // The newest run is the one whose folder changed last, whatever its name.
        List<FileStatus> found = !files.exists(runs)
                ? List.of()
                : files.list(runs).stream()
                        .filter(FileStatus::isDirectory)
                        .sorted(Comparator.comparingLong(FileStatus::getModificationTime))
                        .toList();
        if (found.isEmpty()) {
            throw new ConfigException(
                    "No run under " + runs + ": start one with 'judgeforge generate' or 'run', or give --run-id");
        }
        return found.get(found.size() - 1).getPath().getName();
    }
}

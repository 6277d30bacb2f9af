package io.judgeforge.jobs.spark;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The SHA-256 of every file of a run's inputs (a folder's files recursively), streamed on the driver
 * without holding a file in memory. Equal fingerprints let a refresh say "nothing new" before Spark
 * starts; a change in them only means a closer look, by id and content, in Spark.
 */
public final class InputFingerprints {
    private InputFingerprints() {}

    /**
     * The fingerprints of a run's input files: {@code inputs.references}, {@code inputs.seeds} and, where the
     * run imports any, {@code inputs.instructions}, resolved against the config's folder. A refresh compares
     * them with those its parent version kept, and the version keeps its own.
     */
    public static Map<String, String> ofRunInputs(HadoopFiles files, String configDir, PipelineConfig.Inputs inputs) {
        return of(
                files,
                HadoopFiles.resolve(configDir, inputs.references()),
                HadoopFiles.resolve(configDir, inputs.seeds()),
                inputs.instructions().isBlank() ? null : HadoopFiles.resolve(configDir, inputs.instructions()));
    }

    /** File URI -> hex SHA-256, for each of {@code paths} (null entries skipped), sorted. */
    public static Map<String, String> of(HadoopFiles files, String... paths) {
        Map<String, String> hashes = new TreeMap<>();
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                continue;
            }
            try {
                FileSystem fs = files.fs(path);
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(path), true);
                while (it.hasNext()) {
                    Path file = it.next().getPath();
                    String name = file.getName();
                    if (name.startsWith(".") || name.startsWith("_")) {
                        continue; // checksums and markers (.crc, _SUCCESS) are not inputs
                    }
                    try (InputStream in = fs.open(file);
                            DigestInputStream hashing = Sha256.hashing(in)) {
                        hashing.transferTo(java.io.OutputStream.nullOutputStream());
                        hashes.put(file.toString(), Sha256.hex(hashing));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read input " + path, e);
            }
        }
        return hashes;
    }
}

package io.judgeforge.jobs.stage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.json.Json;
import io.judgeforge.refresh.VersionRetention;
import io.judgeforge.stage.export.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;

/**
 * The published versions under {@code OUT/datasets/}, as the refresh command sees them: the one
 * {@code LATEST} names, what it kept for the next refresh, and pruning by {@code refresh.keep-versions}.
 * A folder without {@code manifest.json} is not a version (an export that did not finish).
 */
public final class PublishedVersions {
    private PublishedVersions() {}

    /** The version LATEST names and the run that made it, or null when nothing is published yet. */
    public static RefreshDelta.Parent latest(HadoopFiles files, RunLayout layout) {
        if (!files.exists(layout.latest())) {
            return null;
        }
        String version = files.readText(layout.latest()).strip();
        String manifest = layout.version(version) + "/manifest.json";
        if (!files.exists(manifest)) {
            throw new IllegalStateException(layout.latest() + " names version " + version + ", which has no " + manifest
                    + "; restore it or remove LATEST to start over");
        }
        if (!files.exists(layout.versionRefresh(version) + "/inputs")) {
            throw new io.judgeforge.config.ConfigException("Version " + version + " (LATEST) was published before"
                    + " refresh kept input inventories; publish one with 'judgeforge run' first, then refresh");
        }
        return new RefreshDelta.Parent(
                version, Json.read(files.readText(manifest), Manifest.class).runId());
    }

    /** The input files' hashes the version was made from (empty when it kept none). */
    public static Map<String, String> inputFiles(HadoopFiles files, RunLayout layout, String version) {
        String path = layout.versionRefresh(version) + "/files.json";
        return files.exists(path)
                ? Json.read(files.readText(path), new TypeReference<Map<String, String>>() {})
                : Map.of();
    }

    /** Deletes all but the newest {@code keep} versions (never LATEST's); returns the names deleted. */
    public static List<String> prune(HadoopFiles files, RunLayout layout, int keep) {
        if (keep <= 0 || !files.exists(layout.datasets())) {
            return List.of();
        }
        List<VersionRetention.Published> versions = new ArrayList<>();
        for (FileStatus f : files.list(layout.datasets())) {
            String name = f.getPath().getName();
            String manifest = layout.version(name) + "/manifest.json";
            if (f.isDirectory() && !name.startsWith(".") && files.exists(manifest)) {
                versions.add(new VersionRetention.Published(
                        name,
                        Json.read(files.readText(manifest), Manifest.class).createdAt()));
            }
        }
        String latest = files.readText(layout.latest()).strip();
        List<String> prune = VersionRetention.toPrune(versions, latest, keep);
        prune.forEach(name -> files.delete(layout.version(name)));
        return prune;
    }
}

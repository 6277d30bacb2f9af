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

    /**
     * The newest run a refresh planned on {@code parent} (null: on nothing published) and did not
     * publish, or null: a refresh that died, which the next one resumes instead of planning anew, so its
     * committed stages and its submitted provider batches are not paid for again.
     */
    public static String unfinishedRefresh(HadoopFiles files, RunLayout layout, RefreshDelta.Parent parent) {
        if (!files.exists(layout.runs())) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (FileStatus f : files.list(layout.runs())) {
            if (f.isDirectory()) {
                ids.add(f.getPath().getName());
            }
        }
        ids.sort(java.util.Comparator.reverseOrder()); // run ids start with their UTC start time
        for (String id : ids) {
            RunLayout run = new RunLayout(layout.out(), id);
            String plan = run.refresh() + "/plan.json";
            if (files.exists(plan)
                    && !files.exists(run.version(id) + "/manifest.json")
                    && java.util.Objects.equals(
                            Json.read(files.readText(plan), io.judgeforge.refresh.RefreshPlan.class)
                                    .parentVersion(),
                            parent == null ? null : parent.version())) {
                return id;
            }
        }
        return null;
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

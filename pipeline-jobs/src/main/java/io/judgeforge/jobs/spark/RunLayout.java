package io.judgeforge.jobs.spark;

import java.io.Serializable;

/**
 * Where a run keeps its data. Stages exchange Parquet under {@code OUT/runs/<run-id>/<stage>/}:
 * {@code records/} (the stage's output), {@code filtered/} and {@code quarantine/} (rejected work
 * items with reasons), {@code items/<step>/} (every work item's outcome) and {@code _report.json}.
 * Published datasets live under {@code OUT/datasets/<version>/}, named by {@code OUT/datasets/LATEST}.
 */
public record RunLayout(String out, String runId) implements Serializable {
    public RunLayout {
        out = out.replaceAll("/+$", "");
    }

    public String runs() {
        return out + "/runs";
    }

    public String run() {
        return runs() + "/" + runId;
    }

    public String stage(String stage) {
        return run() + "/" + stage;
    }

    public String records(String stage) {
        return stage(stage) + "/records";
    }

    /** The reference passages (chunks) generation used, kept for the questioner set's export. */
    public String passages() {
        return stage("generate") + "/passages";
    }

    /** A further record set of a stage, beside its main {@code records/}: export's classifier and questioner sets. */
    public String records(String stage, String set) {
        return stage(stage) + "/records-" + set;
    }

    public String filtered(String stage) {
        return stage(stage) + "/filtered";
    }

    public String quarantine(String stage) {
        return stage(stage) + "/quarantine";
    }

    public String items(String stage, String step) {
        return stage(stage) + "/items/" + step;
    }

    /** A teacher step's provider batches: their requests, ids, result files and accounting ({@code batch.stages}). */
    public String batches(String stage, String step) {
        return stage(stage) + "/batches/" + step;
    }

    public String report(String stage) {
        return stage(stage) + "/_report.json";
    }

    public String datasets() {
        return out + "/datasets";
    }

    public String latest() {
        return datasets() + "/LATEST";
    }

    /** A published version's folder. */
    public String version(String version) {
        return datasets() + "/" + version;
    }

    /**
     * What a refresh compares the next one with, kept inside each version (so it is published with it):
     * {@code inputs/} (every input's kind, id and content hash), {@code lineage/} (each instruction's
     * source document) and {@code files.json} (the input files' hashes).
     */
    public String versionRefresh(String version) {
        return version(version) + "/_refresh";
    }

    /** The lock two refreshes of one output take turns on. */
    public String refreshLock() {
        return datasets() + "/.refresh.lock";
    }

    /** A refresh's own folder in its run: its plan, the inputs it found and the new work it made of them. */
    public String refresh() {
        return run() + "/refresh";
    }
}

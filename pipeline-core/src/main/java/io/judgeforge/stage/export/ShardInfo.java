package io.judgeforge.stage.export;

/** One written shard: its path relative to the dataset version, records, bytes and SHA-256. */
public record ShardInfo(String path, String set, String split, long records, long bytes, String sha256) {

    /** The relative path of a split's shard {@code index}: {@code <set>/<split>/part-NNNNN.jsonl}, numbered from 0. */
    public static String path(String set, String split, int index) {
        return set + "/" + split + "/" + String.format("part-%05d.jsonl", index);
    }
}

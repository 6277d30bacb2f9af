package io.judgeforge.stage.export;

/** One written shard: its path relative to the dataset version, records, bytes and SHA-256. */
public record ShardInfo(String path, String set, String split, long records, long bytes, String sha256) {}

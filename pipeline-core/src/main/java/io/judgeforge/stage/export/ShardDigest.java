package io.judgeforge.stage.export;

import io.judgeforge.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;

/** What the manifest says of a written shard's content: its lines (one record each), bytes and SHA-256. */
public record ShardDigest(long lines, long bytes, String sha256) {

    /** Reads {@code shard} to its end once, holding only a buffer; the caller closes it. */
    public static ShardDigest read(InputStream shard) throws IOException {
        DigestInputStream in = Sha256.hashing(shard);
        byte[] buf = new byte[1 << 16];
        long bytes = 0;
        long lines = 0;
        int read;
        while ((read = in.read(buf)) > 0) {
            bytes += read;
            for (int i = 0; i < read; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
        }
        return new ShardDigest(lines, bytes, Sha256.hex(in));
    }

    /** The manifest's entry for the shard at {@code path} (relative to the dataset version) of a set's split. */
    public ShardInfo info(String path, String set, String split) {
        return new ShardInfo(path, set, split, lines, bytes, sha256);
    }
}

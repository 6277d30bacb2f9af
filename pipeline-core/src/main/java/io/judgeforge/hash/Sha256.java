package io.judgeforge.hash;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The project's one SHA-256: request keys, prompt and config fingerprints, seeded choices and shard
 * checksums all hash UTF-8 text or a stream through here (commons-codec), as lowercase hex.
 */
public final class Sha256 {
    private Sha256() {}

    /** The hex SHA-256 of {@code text}'s UTF-8 bytes. */
    public static String hex(String text) {
        return DigestUtils.sha256Hex(text);
    }

    /** A stream that hashes what is read through it; {@link #hex(DigestInputStream)} gives the result. */
    public static DigestInputStream hashing(InputStream in) {
        return new DigestInputStream(in, DigestUtils.getSha256Digest());
    }

    /** The hex digest of everything read so far through a stream from {@link #hashing}. */
    public static String hex(DigestInputStream in) {
        MessageDigest digest = in.getMessageDigest();
        return Hex.encodeHexString(digest.digest());
    }
}

package io.judgeforge.simulator;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The identity of a request: a SHA-256 over the simulator seed and the request content that decides
 * the answer. Every random choice made for a request derives from it, which is what makes the same
 * request give a byte-identical response, on any thread and in any order.
 *
 * @param value the first 64 bits of the digest, the root of the request's random streams
 * @param hex the first 96 bits as hex, used in response ids
 */
record RequestFingerprint(long value, String hex) {
    private static final long STREAM_STRIDE = 0x9E3779B97F4A7C15L;
    private static final long CREATED_BASE = 1_700_000_000L;
    private static final long CREATED_SPAN = 100_000_000L;

    /**
     * Parts are length-prefixed so that ("ab", "c") and ("a", "bc") hash differently.
     *
     * @param endpoint keeps chat and text completions of the same text apart
     */
    static RequestFingerprint of(long seed, String endpoint, String model, List<String> parts) {
        StringBuilder material = new StringBuilder();
        material.append(seed)
                .append('|')
                .append(endpoint)
                .append('|')
                .append(model.length())
                .append(':')
                .append(model);
        for (String part : parts) {
            material.append('|').append(part.length()).append(':').append(part);
        }
        byte[] digest = StableHash.sha256(material.toString());
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return new RequestFingerprint(value, HexFormat.of().formatHex(digest, 0, 12));
    }

    /** An independent random stream per choice index (the request's {@code n}). */
    SplittableRandom random(int stream) {
        return new SplittableRandom(value + stream * STREAM_STRIDE);
    }

    /**
     * The {@code created} field: fixed per simulator seed rather than the wall clock, since a changing
     * timestamp would break byte-identical replies.
     */
    static long createdTimestamp(long seed) {
        return CREATED_BASE + Math.floorMod(StableHash.mix(seed), CREATED_SPAN);
    }
}

package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class ShardDigestTest {
    static ShardDigest digest(byte[] content) throws IOException {
        return ShardDigest.read(new ByteArrayInputStream(content));
    }

    @Test
    void countsRecordLinesAndBytesAndHashesTheContent() throws IOException {
        byte[] shard = "{\"id\":\"a\"}\n{\"id\":\"é\"}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(new ShardDigest(2, shard.length, DigestUtils.sha256Hex(shard)), digest(shard));
    }

    /** Lines and the hash must not depend on where the read buffer's boundaries fall. */
    @Test
    void aShardLargerThanTheReadBufferIsReadWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("{\"id\":\"record-").append(i).append("\"}\n");
        }
        byte[] shard = text.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(new ShardDigest(30_000, shard.length, DigestUtils.sha256Hex(shard)), digest(shard));
    }

    @Test
    void anEmptyShardHasNoLinesAndTheEmptyHash() throws IOException {
        assertEquals(
                new ShardDigest(0, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                digest(new byte[0]));
    }

    @Test
    void theManifestEntryNamesTheShardBySetSplitAndNumber() throws IOException {
        ShardDigest d = digest("x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                new ShardInfo("judge/validation/part-00012.jsonl", "judge", "validation", 1, 2, d.sha256()),
                d.info(ShardInfo.path("judge", "validation", 12), "judge", "validation"));
    }
}

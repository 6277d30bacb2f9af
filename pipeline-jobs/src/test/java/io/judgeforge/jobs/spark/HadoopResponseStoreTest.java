package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopResponseStoreTest {
    static final String KEY = "ab" + "0".repeat(62);

    static StoredResponse response(String body) {
        return new StoredResponse(KEY, "sim", "/chat/completions", "{\"model\":\"m\"}", body, "2026-11-22T00:00:00Z");
    }

    @Test
    void putThenGetRoundTripsAndTheFirstWriterWins(@TempDir Path dir) {
        ResponseStore store = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        assertEquals(Optional.empty(), store.get(KEY));
        store.put(response("{\"first\":1}"));
        store.put(response("{\"second\":2}"));
        assertEquals("{\"first\":1}", store.get(KEY).orElseThrow().response());
        assertTrue(Files.exists(dir.resolve("ab").resolve(KEY + ".json")), "sharded by the key's first two hex digits");
    }

    @Test
    void aClaimExcludesOthersUntilReleasedOrExpired(@TempDir Path dir) throws Exception {
        ResponseStore a = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        ResponseStore b = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        assertEquals(ResponseStore.Claim.FREE, a.claim(KEY, 60_000));
        assertEquals(ResponseStore.Claim.HELD, b.claim(KEY, 60_000));
        a.release(KEY);
        assertEquals(ResponseStore.Claim.FREE, b.claim(KEY, 1), "a released claim leaves the key free");
        Thread.sleep(5);
        assertEquals(
                ResponseStore.Claim.LAPSED,
                a.claim(KEY, 60_000),
                "an expired claim is taken over, and said to have lapsed: its holder may have sent the request");
    }

    @Test
    void anAbandonedClaimIsTakenOverAtOnceAsLapsed(@TempDir Path dir) {
        ResponseStore a = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        ResponseStore b = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        assertEquals(ResponseStore.Claim.FREE, a.claim(KEY, 60_000));
        a.abandon(KEY);
        assertEquals(
                ResponseStore.Claim.LAPSED, b.claim(KEY, 60_000), "no lease to wait out, and flagged for a lookup");
    }

    @Test
    void aRenewedClaimOutlivesItsFirstLease(@TempDir Path dir) throws Exception {
        ResponseStore holder = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        ResponseStore rival = HadoopResponseStore.factory(dir.toUri().toString(), new Configuration())
                .open();
        assertTrue(holder.claim(KEY, 100).won());
        holder.renew(KEY, 60_000);
        Thread.sleep(150);
        assertFalse(rival.claim(KEY, 60_000).won(), "renewed past its first 100 ms");
        holder.release(KEY);
        rival.renew(KEY, 60_000);
        assertTrue(rival.claim(KEY, 60_000).won(), "renewing a released claim does not bring it back");
    }
}

package io.judgeforge.jobs.spark;

import io.judgeforge.json.Json;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The response store on the run's Hadoop file system: one JSON file per response at
 * {@code <root>/<first two hex of the key>/<key>.json}, written to a temporary name and renamed, so a
 * reader never sees half a response; a key already stored is never overwritten. On object stores
 * the response is written in place instead (one PUT is atomic; a rename there is a copy and a
 * delete). Claims are {@code <key>.claim} files created without overwrite, holding their expiry time.
 *
 * <p>Creation without overwrite is atomic on HDFS and local file systems; on S3A it is atomic only
 * from Hadoop 3.4.2 on a store with conditional writes, elsewhere two racing attempts may both pay
 * (never more) and the store keeps one of their responses (docs/storage.md).
 */
public final class HadoopResponseStore implements ResponseStore {
    private final Path root;
    private final FileSystem fs;
    private final long claimLeaseMs;

    HadoopResponseStore(String root, Configuration given, long claimLeaseMs) {
        this.root = new Path(root);
        this.claimLeaseMs = claimLeaseMs;
        try {
            this.fs = RawLocalFiles.fileSystem(this.root, given);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the response store at " + root, e);
        }
    }

    /** A factory that carries the Hadoop configuration to executors. */
    public static Factory factory(String root, Configuration conf) {
        return factory(root, conf, DEFAULT_CLAIM_LEASE_MS);
    }

    /** {@code claimLeaseMs}: how long a claim lasts unless renewed ({@code store.claim-lease-ms}). */
    public static Factory factory(String root, Configuration conf, long claimLeaseMs) {
        byte[] confBytes = serialize(conf);
        return () -> new TimedResponseStore(new HadoopResponseStore(root, deserialize(confBytes), claimLeaseMs));
    }

    @Override
    public long claimLeaseMs() {
        return claimLeaseMs;
    }

    private Path file(String key, String suffix) {
        return new Path(new Path(root, key.substring(0, 2)), key + suffix);
    }

    @Override
    public Optional<StoredResponse> get(String key) {
        try (InputStream in = fs.open(file(key, ".json"))) {
            return Optional.of(Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), StoredResponse.class));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored response " + key, e);
        }
    }

    @Override
    public void put(StoredResponse response) {
        Path target = file(response.key(), ".json");
        if (!HadoopFiles.renamesAtomically(fs)) {
            try {
                HadoopFiles.createNew(fs, target, Json.write(response).getBytes(StandardCharsets.UTF_8));
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store response " + response.key() + " under " + root, e);
            }
        }
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        try {
            // Not fs.create: on the raw local file system it sets the file's permission, and without
            // Hadoop's native library that forks a chmod process per stored response (the costliest part
            // of a simulated call at scale: BENCHMARKS.md, bench scale). createNew writes it directly.
            if (!HadoopFiles.createNew(fs, tmp, Json.write(response).getBytes(StandardCharsets.UTF_8))) {
                throw new IOException("Temporary file already exists: " + tmp);
            }
            // The caller holds the key's claim, so a rival writer is unlikely; the check keeps the first
            // response where a rename would overwrite (local file systems), and HDFS refuses the rename.
            if (fs.exists(target) || !fs.rename(tmp, target)) {
                fs.delete(tmp, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store response " + response.key() + " under " + root, e);
        }
    }

    @Override
    public Claim claim(String key, long leaseMs) {
        Path claim = file(key, ".claim");
        long now = System.currentTimeMillis();
        try {
            if (create(claim, now + leaseMs)) {
                return Claim.FREE;
            }
            long expiry = readExpiry(claim, leaseMs);
            if (expiry < now) {
                // The claimant died without releasing: take over.
                fs.delete(claim, false);
                return create(claim, now + leaseMs) ? Claim.LAPSED : Claim.HELD;
            }
            return Claim.HELD;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot claim " + key + " in the response store", e);
        }
    }

    private boolean create(Path claim, long expiry) throws IOException {
        return HadoopFiles.createNew(fs, claim, Long.toString(expiry).getBytes(StandardCharsets.UTF_8));
    }

    // A claim whose content is not (yet) a number is one being written (HDFS shows a file from its
    // create on, empty until closed) or one whose writer died: it lasts a lease from its creation.
    private long readExpiry(Path claim, long leaseMs) throws IOException {
        try (InputStream in = fs.open(claim)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return fs.getFileStatus(claim).getModificationTime() + leaseMs;
            }
        } catch (FileNotFoundException e) {
            return 0;
        }
    }

    // Rewrites the expiry in place; the holder alone renews, so no rival's claim is overwritten
    // unless the holder had already lost it by missing renewals for a whole lease.
    @Override
    public void renew(String key, long leaseMs) {
        try {
            rewriteExpiry(key, System.currentTimeMillis() + leaseMs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot renew the claim on " + key, e);
        }
    }

    @Override
    public void abandon(String key) {
        try {
            rewriteExpiry(key, 0);
        } catch (IOException e) {
            // The claim keeps its expiry and lapses within a lease instead: the same outcome, later.
        }
    }

    private void rewriteExpiry(String key, long expiry) throws IOException {
        Path claim = file(key, ".claim");
        if (fs.exists(claim)) {
            try (OutputStream out = fs.create(claim, true)) {
                out.write(Long.toString(expiry).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void release(String key) {
        try {
            fs.delete(file(key, ".claim"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the claim on " + key, e);
        }
    }

    private static byte[] serialize(Configuration conf) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                conf.write(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration deserialize(byte[] bytes) {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            conf.readFields(in);
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

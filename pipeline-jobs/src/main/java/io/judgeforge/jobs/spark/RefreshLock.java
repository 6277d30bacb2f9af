package io.judgeforge.jobs.spark;

import io.judgeforge.json.Json;
import io.judgeforge.refresh.RefreshLease;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lock two refreshes of one output take turns on: a file created without overwrite (O_EXCL on local
 * disks, an atomic create on HDFS, a conditional PUT where the object store has one), naming its holder
 * and when it last renewed it. The holder renews it every third of the lease from a daemon thread; a
 * lock not renewed for a whole lease was left by a refresh that died and is taken over, so a crash
 * never blocks the nights after it.
 */
public final class RefreshLock implements AutoCloseable {
    /** The lock file's content. */
    public record Holder(String owner, String startedAt, long renewedAtMs) {}

    private final FileSystem fs;
    private final Path path;
    private final Holder holder;
    private final ScheduledExecutorService renewal;

    private RefreshLock(FileSystem fs, Path path, Holder holder, RefreshLease lease) {
        this.fs = fs;
        this.path = path;
        this.holder = holder;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refresh-lock-renewal");
            t.setDaemon(true);
            return t;
        });
        renewal.scheduleAtFixedRate(this::renew, lease.renewEveryMs(), lease.renewEveryMs(), TimeUnit.MILLISECONDS);
    }

    /** The outcome of one attempt: the lock, or the holder that keeps it (and whether a stale one was taken over). */
    public record Attempt(RefreshLock lock, Holder heldBy, Holder tookOverFrom) {}

    /** One attempt to take the lock at {@code path} for {@code owner}. */
    public static Attempt tryAcquire(HadoopFiles files, String path, String owner, RefreshLease lease) {
        FileSystem fs = files.fs(path);
        Path file = new Path(path);
        long now = System.currentTimeMillis();
        Holder mine = new Holder(owner, java.time.Instant.ofEpochMilli(now).toString(), now);
        try {
            if (HadoopFiles.createNew(fs, file, bytes(mine))) {
                return new Attempt(new RefreshLock(fs, file, mine, lease), null, null);
            }
            Holder current = read(fs, file);
            if (current == null) {
                return tryAcquire(files, path, owner, lease); // released between the two looks
            }
            if (!lease.stale(current.renewedAtMs(), now)) {
                return new Attempt(null, current, null);
            }
            fs.delete(file, false);
            if (HadoopFiles.createNew(fs, file, bytes(mine))) {
                return new Attempt(new RefreshLock(fs, file, mine, lease), null, current);
            }
            Holder rival = read(fs, file);
            return new Attempt(null, rival == null ? current : rival, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot take the refresh lock " + path + ": " + e.getMessage(), e);
        }
    }

    // A lock being written (HDFS shows a file from its create on, empty until closed) or unreadable counts
    // as renewed at its modification time.
    private static Holder read(FileSystem fs, Path file) throws IOException {
        try {
            byte[] content;
            try (var in = fs.open(file)) {
                content = in.readAllBytes();
            }
            try {
                return Json.read(new String(content, StandardCharsets.UTF_8), Holder.class);
            } catch (RuntimeException e) {
                return new Holder(
                        "(unreadable lock file)", "", fs.getFileStatus(file).getModificationTime());
            }
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static byte[] bytes(Holder holder) {
        return Json.write(holder).getBytes(StandardCharsets.UTF_8);
    }

    private void renew() {
        try (var out = fs.create(path, true)) {
            out.write(bytes(new Holder(holder.owner(), holder.startedAt(), System.currentTimeMillis())));
        } catch (IOException e) {
            // A missed renewal is retried at the next tick; only a whole lease of them lets another take over.
        }
    }

    /** Stops renewing and removes the lock, if it is still this holder's. */
    @Override
    public void close() {
        renewal.shutdownNow();
        try {
            Holder current = read(fs, path);
            if (current != null && current.owner().equals(holder.owner())) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the refresh lock " + path, e);
        }
    }
}

package io.judgeforge.teacher.batch;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.call.Sleeper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One round of batches: request lines cut into input files within the provider's limits, each
 * uploaded and submitted, every batch's id written to the folder as soon as it exists and before any
 * poll, then polled until it ends and its output and error files downloaded beside it. A round whose
 * folder already holds submitted batches (a run that died) polls those and submits only the files
 * that never were, so no request is paid twice for a crash.
 *
 * <p>Files in the folder: {@code input-NNNN.jsonl} (the lines), {@code _chunked} (all input files
 * are written), {@code input-NNNN.batch.json} (the batch as created: the ledger),
 * {@code input-NNNN.done.json} (the batch as it ended), {@code input-NNNN.output.jsonl} and
 * {@code input-NNNN.errors.jsonl}.
 */
public final class BatchRound {
    private static final String CHUNKED = "_chunked";
    private static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile("input-\\d+\\.jsonl");

    private final BatchClient client;
    private final PipelineConfig.Batch settings;
    private final Sleeper sleeper;
    private final Consumer<String> progress;

    public BatchRound(BatchClient client, PipelineConfig.Batch settings, Sleeper sleeper, Consumer<String> progress) {
        this.client = client;
        this.settings = settings;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /** The batches of this round, ended; {@code lines} is read only when the folder holds no input files yet. */
    public List<BatchJob> run(BatchFolder folder, Iterator<String> lines, String lineUrl, Map<String, String> metadata)
            throws IOException, InterruptedException {
        if (!folder.list().contains(CHUNKED)) {
            chunk(folder, lines);
        }
        List<String> names = folder.list();
        List<BatchJob> ended = new ArrayList<>();
        Map<String, BatchJob> running = new LinkedHashMap<>();
        for (String name : names) {
            if (!INPUT.matcher(name).matches()) {
                continue;
            }
            String stem = name.substring(0, name.length() - ".jsonl".length());
            if (names.contains(stem + ".done.json")) {
                ended.add(readJob(folder, stem + ".done.json"));
            } else if (names.contains(stem + ".batch.json")) {
                BatchJob job = readJob(folder, stem + ".batch.json");
                progress.accept("batch " + job.id() + " (" + name + ") was submitted before: polling it again");
                running.put(stem, job);
            } else {
                running.put(stem, submit(folder, name, stem, lineUrl, metadata));
            }
        }
        for (Map.Entry<String, BatchJob> entry : running.entrySet()) {
            String stem = entry.getKey();
            BatchJob end = awaitEnd(entry.getValue());
            if (end.outputFileId() != null) {
                try (OutputStream out = folder.create(stem + ".output.jsonl")) {
                    client.download(end.outputFileId(), out);
                }
            }
            if (end.errorFileId() != null) {
                try (OutputStream out = folder.create(stem + ".errors.jsonl")) {
                    client.download(end.errorFileId(), out);
                }
            }
            // Written last: a batch with its done file has all its files here and is not fetched again.
            write(folder, stem + ".done.json", end.json());
            ended.add(end);
        }
        return ended;
    }

    private BatchJob submit(BatchFolder folder, String name, String stem, String lineUrl, Map<String, String> metadata)
            throws IOException {
        String fileId = client.uploadFile(name, new BatchClient.Upload() {
            @Override
            public long length() throws IOException {
                return folder.length(name);
            }

            @Override
            public InputStream open() throws IOException {
                return folder.open(name);
            }
        });
        BatchJob job = client.create(fileId, lineUrl, settings.completionWindow(), metadata);
        // Kept before the first poll: a run that dies from here on polls this batch, never pays again.
        write(folder, stem + ".batch.json", job.json());
        progress.accept("batch " + job.id() + " submitted (" + name + ")");
        return job;
    }

    private static BatchJob readJob(BatchFolder folder, String name) throws IOException {
        return BatchJob.of(Json.mapper().readTree(read(folder, name)));
    }

    private BatchJob awaitEnd(BatchJob job) throws IOException, InterruptedException {
        BatchJob now = job;
        String last = "";
        while (!now.terminal()) {
            sleeper.sleep(settings.pollMs());
            now = client.retrieve(now.id());
            if (!now.status().equals(last)) {
                progress.accept("batch " + now.id() + ": " + now.status() + " (" + now.completed() + " completed, "
                        + now.failed() + " failed of " + now.total() + ")");
                last = now.status();
            }
        }
        return now;
    }

    /** Cuts the lines into files of at most max-requests-per-file lines and max-file-bytes bytes. */
    private void chunk(BatchFolder folder, Iterator<String> lines) throws IOException {
        int file = 0;
        Writer out = null;
        long bytes = 0;
        int count = 0;
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
                if (size > settings.maxFileBytes()) {
                    throw new IllegalArgumentException("A batch request of " + size
                            + " bytes does not fit batch.max-file-bytes " + settings.maxFileBytes());
                }
                if (out == null || count >= settings.maxRequestsPerFile() || bytes + size > settings.maxFileBytes()) {
                    if (out != null) {
                        out.close();
                    }
                    file++;
                    out = new BufferedWriter(new OutputStreamWriter(
                            folder.create(String.format("input-%04d.jsonl", file)), StandardCharsets.UTF_8));
                    bytes = 0;
                    count = 0;
                }
                out.write(line);
                out.write('\n');
                bytes += size;
                count++;
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        write(folder, CHUNKED, Integer.toString(file));
    }

    private static void write(BatchFolder folder, String name, String text) throws IOException {
        try (OutputStream out = folder.create(name)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String read(BatchFolder folder, String name) throws IOException {
        try (InputStream in = folder.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.BoundedParallelMap;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.teacher.ChatClient;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Produces a judge's predictions for a benchmark by calling it with the Themis judge prompts, and writes them as
 * {@value #FILE} in the columns meta-eval reads: {@code id}, {@code pred_text} (the raw output) and, pairwise,
 * {@code pred_swapped_text} (the raw output with the two responses exchanged).
 *
 * <p>Every benchmark row gets exactly one line, in benchmark order. A call that fails after the client's retries
 * leaves an empty text and an {@code error}, so the meta-evaluation counts the row as missing (scored as wrong)
 * rather than silently measuring the judge on the rows it happened to answer.
 */
public final class JudgePredictions {
    public static final String FILE = "predictions.jsonl";

    private final ScenarioCatalog catalog;
    private final JudgePromptRenderer renderer;
    private final JudgeTarget target;
    private final ChatClient client;
    private final Consumer<String> progress;

    /**
     * @param client the client for {@code target} (see {@link JudgeTarget#client}); a caller may give it a response
     *     store
     * @param progress receives one line now and then ("judged k/n items"); the command line prints them to stderr
     */
    public JudgePredictions(
            ScenarioCatalog catalog,
            PromptLibrary prompts,
            JudgeTarget target,
            ChatClient client,
            Consumer<String> progress) {
        this.catalog = catalog;
        this.renderer = new JudgePromptRenderer(catalog, prompts);
        this.target = target;
        this.client = client;
        this.progress = progress;
    }

    /**
     * Judges every row of {@code bench} and writes {@value #FILE} into {@code outDir} (created if absent). The file
     * appears only when complete: it is written beside and moved into place.
     *
     * @param fallbackScenario the catalog scenario for rows whose own is absent or not a catalog id; null = none
     * @throws ConfigException for a bad row or unknown scenarios, before any call is made
     */
    public JudgeSummary write(
            String bench, TableReader.Source source, EvalMode mode, String fallbackScenario, Path outDir) {
        List<JudgeItem> items = JudgeBenchReader.read(source, bench, mode, catalog, fallbackScenario);
        int perItem = mode == EvalMode.PAIRWISE ? 2 : 1;
        Path file = outDir.resolve(FILE);
        Path partial = outDir.resolve(FILE + ".partial");
        createDirectory(outDir);
        progress.accept(
                "judging " + items.size() + " items (" + items.size() * perItem + " calls, " + target.parallelism()
                        + " in flight) with model " + target.call().model());
        int failed = 0;
        int step = Math.max(1, (items.size() + 9) / 10);
        // Prompts are rendered as calls are started, not all up front.
        var prompts =
                items.stream().flatMap(item -> item.prompts(renderer).stream()).iterator();
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                BoundedParallelMap<JudgeItem.Prompt, ChatResult> results = new BoundedParallelMap<>(
                        prompts, target.parallelism(), target.endpoint().timeoutMs(), this::call)) {
            for (int i = 0; i < items.size(); i++) {
                // Results come back in input order, so an item's calls are the next perItem results.
                List<ChatResult> answers = new ArrayList<>(perItem);
                for (int k = 0; k < perItem; k++) {
                    answers.add(results.next());
                }
                failed += (int) answers.stream().filter(r -> !r.ok()).count();
                out.write(Json.write(row(items.get(i).id(), answers)));
                out.newLine();
                int done = i + 1;
                if (done % step == 0 || done == items.size()) {
                    progress.accept("judged " + done + "/" + items.size() + " items (" + failed + " failed calls)");
                }
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot write " + partial, e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + partial + " to " + file, e);
        }
        return new JudgeSummary(file, items.size(), items.size() * perItem, failed);
    }

    // One user message, as the judge stage sends it.
    private ChatResult call(JudgeItem.Prompt prompt) {
        return client.chat(target.call(), List.of(ChatMessage.user(prompt.text())), prompt.templateVersion());
    }

    private static PredictionRow row(String id, List<ChatResult> answers) {
        if (answers.size() == 1) {
            ChatResult r = answers.get(0);
            return new PredictionRow(id, text(r), null, r.ok() ? null : failure(r));
        }
        ChatResult original = answers.get(0);
        ChatResult swapped = answers.get(1);
        List<String> errors = new ArrayList<>();
        if (!original.ok()) {
            errors.add("original order: " + failure(original));
        }
        if (!swapped.ok()) {
            errors.add("swapped order: " + failure(swapped));
        }
        return new PredictionRow(
                id, text(original), text(swapped), errors.isEmpty() ? null : String.join("; ", errors));
    }

    // Only an OK answer counts: a truncated or filtered one is a failed call, as it is in the judge stage.
    private static String text(ChatResult r) {
        return r.ok() ? r.content() : "";
    }

    private static String failure(ChatResult r) {
        return r.outcome().code() + ": " + r.error();
    }

    private static void createDirectory(Path dir) {
        ConfigException.check(
                !Files.exists(dir) || Files.isDirectory(dir),
                "--out",
                dir.toString(),
                "a directory; a file of that name exists");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("Cannot create output directory " + dir + " for '--out': " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is the one worth reporting.
        }
    }
}

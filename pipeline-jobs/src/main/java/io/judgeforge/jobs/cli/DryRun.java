package io.judgeforge.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.json.Json;
import io.judgeforge.stage.estimate.RunEstimator;
import io.judgeforge.stage.estimate.StageEstimate;
import io.judgeforge.table.TableFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code run --dry-run}: the run's expected calls, tokens and cost, printed before anything runs. */
final class DryRun {
    static final int SAMPLE_LINES = 200;

    private DryRun() {}

    static String render(Launch launch) {
        PipelineConfig config = launch.config;
        String references =
                HadoopFiles.resolve(launch.configDir, config.inputs().references());
        String declared = config.inputs().referencesFormat();
        boolean jsonl = (declared.equals(TableFormat.AUTO)
                        ? TableFormat.ofName(references)
                        : TableFormat.ofCode(declared))
                .equals(Optional.of(TableFormat.JSONL));
        // Other formats are not sampled without Spark: a passage is assumed to fill a chunk.
        int referenceChars = Math.min(
                config.inputs().chunkChars(),
                jsonl ? averageReferenceChars(references) : config.inputs().chunkChars());
        List<StageEstimate> estimates =
                new RunEstimator(config, launch.catalog, launch.prompts, launch.seeds).estimate(referenceChars);
        StringBuilder sb = new StringBuilder("Dry run: no Spark job and no call was made.\n");
        sb.append(String.format(
                "%-10s %8s %15s %22s %16s%n",
                "stage", "calls", "prompt tokens", "completion tokens <=", "cost USD <="));
        long calls = 0;
        long tokens = 0;
        double cost = 0;
        for (StageEstimate e : estimates) {
            sb.append(String.format(
                    "%-10s %8d %15d %22d %16.4f%n",
                    e.stage(), e.calls(), e.promptTokens(), e.completionTokensAtMost(), e.costUsdAtMost()));
            calls += e.calls();
            tokens += e.promptTokens() + e.completionTokensAtMost();
            cost += e.costUsdAtMost();
        }
        sb.append(String.format("%-10s %8d %38d %16.4f%n", "total", calls, tokens, cost));
        sb.append(String.format(
                "Assumed: nothing filtered; every answer and judgment at its max-tokens; an instruction of %d"
                        + " characters; a reference of %d characters (the average of up to %d input lines); 4 characters a token."
                        + " Answers already in the response store would cost nothing.%n",
                RunEstimator.INSTRUCTION_CHARS, referenceChars, SAMPLE_LINES));
        if (config.prices().isEmpty()) {
            sb.append("No prices are configured (prices: {}), so every cost is 0.\n");
        }
        var budget = config.budget();
        if (budget.limited()) {
            boolean within = (budget.maxUsd() == 0 || cost <= budget.maxUsd())
                    && (budget.maxTokens() == 0 || tokens <= budget.maxTokens());
            sb.append(String.format(
                    "Budget: max-usd %.4f, max-tokens %d: the upper bound is %s.%n",
                    budget.maxUsd(),
                    budget.maxTokens(),
                    within ? "within it" : "over it, so the run may stop early and publish what it has"));
        }
        return sb.toString();
    }

    private static int averageReferenceChars(String path) {
        HadoopFiles files = HadoopFiles.beforeSession();
        long chars = 0;
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(files.open(path), StandardCharsets.UTF_8))) {
            String line;
            while (n < SAMPLE_LINES && (line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode text = Json.mapper().readTree(line).path("text");
                    if (text.isTextual()) {
                        chars += text.asText().length();
                        n++;
                    }
                } catch (IOException e) {
                    // A malformed line is quarantined by the real run; the estimate just skips it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return n == 0 ? 0 : (int) (chars / n);
    }
}

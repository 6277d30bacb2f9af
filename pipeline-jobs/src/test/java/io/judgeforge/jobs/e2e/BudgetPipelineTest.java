package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a USD budget that runs out while judging: no new priced call starts after that, the
 * calls not made are filtered as budget_exhausted, the free scorer still runs, the run finishes
 * with what it has, and the manifest says the budget stopped it.
 */
@Tag("spark")
class BudgetPipelineTest {
    @Test
    void theBudgetStopsNewCallsAndTheRunPublishesWhatItHas(@TempDir Path out) throws Exception {
        double maxUsd = 0.5;
        PipelineRuns.Run run = PipelineRuns.run(
                out,
                "../conf/local.yaml",
                "generate.quota=2",
                "prices.sim-gpt-4={input: 10, output: 30}",
                "budget.max-usd=" + maxUsd);
        JsonNode manifest = run.manifest();
        JsonNode budget = manifest.get("budget");
        assertTrue(budget.get("stopped").asBoolean());
        double spent = budget.get("spent_usd").asDouble();
        // Each call is booked at its worst case (body bytes as prompt tokens, plus max-tokens) before it
        // goes, so the budget is never passed; a call is refused only once its worst case, at most
        // about 0.1 USD at these prices, no longer fits beside what is spent.
        assertTrue(spent <= maxUsd, "the budget is never passed: " + spent);
        assertTrue(spent > maxUsd - 0.15, "spent up to the budget, less one call's worst case: " + spent);
        Map<String, JsonNode> stages = new HashMap<>();
        manifest.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s));
        JsonNode judge = stages.get("judge").get("steps").get(0);
        assertTrue(judge.at("/reasons/budget_exhausted").asLong() > 0, judge.toString());
        assertEquals(
                judge.get("in").asLong(),
                judge.get("out").asLong() + judge.get("filtered").asLong());
        assertEquals(
                0, stages.get("score").get("steps").get(0).get("filtered").asLong(), "the unpriced scorer still ran");
        assertTrue(manifest.at("/sets/judge/records").asLong() > 0, "what was judged is published");
        assertTrue(run.stdout().contains("the budget ran out during stage judge"), run.stdout());
    }

    @Test
    void topUpRoundsSpendFromTheSameBudgetAsTheFirst(@TempDir Path out) throws Exception {
        // One call at a time; a call costs about 0.005 USD and is booked at about 0.046 (its worst case),
        // so the budget runs out during round 1 of generate, and the
        // top-up round that follows must find nothing left rather than a fresh share.
        java.io.StringWriter stdout = new java.io.StringWriter();
        int code = io.judgeforge.jobs.cli.Main.execute(
                new String[] {
                    "generate",
                    "--conf",
                    "../conf/local.yaml",
                    "--out",
                    out.toString(),
                    "--set",
                    "generate.quota=2",
                    "--set",
                    "spark.partitions=1",
                    "--set",
                    "endpoints.sim.max-in-flight=1",
                    "--set",
                    "prices.sim-gpt-4={input: 10, output: 30}",
                    "--set",
                    "budget.max-usd=0.07"
                },
                new java.io.PrintWriter(stdout, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, code, stdout.toString());
        Path report;
        try (var runs = java.nio.file.Files.list(out.resolve("runs"))) {
            report = runs.findFirst().orElseThrow().resolve("generate/_report.json");
        }
        JsonNode steps = PipelineRuns.JSON.readTree(report.toFile()).get("steps");
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        steps.forEach(s -> byName.put(s.get("step").asText(), s));
        JsonNode round1 = byName.get("teacher-calls");
        assertTrue(round1.at("/reasons/budget_exhausted").asLong() > 0, "the budget ran out in round 1: " + steps);
        JsonNode round2 = byName.get("teacher-calls-2");
        assertTrue(round2 != null, "a top-up round was planned: " + steps);
        assertEquals(0, round2.get("calls").asLong(), "round 2 made no call with the budget spent: " + round2);
        assertEquals(
                round2.get("in").asLong(),
                round2.at("/reasons/budget_exhausted").asLong());
    }
}

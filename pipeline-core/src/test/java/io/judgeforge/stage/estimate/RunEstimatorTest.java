package io.judgeforge.stage.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEstimatorTest {
    static PipelineConfig config(String... overrides) throws Exception {
        return ConfigLoader.bind(
                ConfigLoader.tree(Files.readString(Path.of("../conf/local.yaml")), List.of(overrides)),
                Map.of("simulator.base-url", "http://127.0.0.1:9/v1"));
    }

    static List<StageEstimate> estimate(PipelineConfig config) {
        List<SeedInstruction> seeds = List.of(new SeedInstruction("s", "close_qa", "Why is the sky blue?"));
        return new RunEstimator(config, Fixtures.catalog(), Fixtures.prompts(), seeds).estimate(800);
    }

    @Test
    void callsFollowFromThePlan() throws Exception {
        // 10 scenarios x quota 7 at 5 per call: 2 calls each (5 + 2), 70 instructions, a pool of 5.
        // Judge: 350 answers graded on their own, and one pair per instruction asked in both orders
        // (140 calls); score: two calls for each of 350 + 2 x 70 records.
        List<StageEstimate> e = estimate(config("generate.quota=7"));
        assertEquals(
                List.of("generate", "classify", "respond", "judge", "score"),
                e.stream().map(StageEstimate::stage).toList());
        assertEquals(
                List.of(20L, 70L, 350L, 490L, 980L),
                e.stream().map(StageEstimate::calls).toList());
        assertEquals(20L * 1024, e.get(0).completionTokensAtMost(), "every generation call at teacher.max-tokens");
        assertEquals(350L * 768, e.get(2).completionTokensAtMost(), "every answer at its model's max-tokens");
    }

    /** Three samples of every item, and mirrored pairs (one call each): (350 + 70) x 3 judge calls. */
    @Test
    void judgeCallsFollowSamplesAndPairOrder() throws Exception {
        List<StageEstimate> e = estimate(config("generate.quota=7", "judge.samples=3", "judge.pairwise.order=mirror"));
        assertEquals(1260L, e.get(3).calls());
        assertEquals(980L, e.get(4).calls(), "a mirrored pair still makes two records to score");
    }

    @Test
    void costUsesThePriceOfEachStagesModel() throws Exception {
        List<StageEstimate> free = estimate(config("generate.quota=2"));
        free.forEach(s -> assertEquals(0.0, s.costUsdAtMost(), s.stage()));
        List<StageEstimate> priced = estimate(config("generate.quota=2", "prices.sim-gpt-4={input: 10, output: 30}"));
        StageEstimate judge = priced.get(3);
        assertEquals(
                (judge.promptTokens() * 10.0 + judge.completionTokensAtMost() * 30.0) / 1e6,
                judge.costUsdAtMost(),
                1e-9);
        assertEquals(0.0, priced.get(2).costUsdAtMost(), "the pool models have no price");
        assertTrue(priced.get(0).costUsdAtMost() > 0);
    }
}

package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload of {@code bench scale}: plain values, no Spark and no timing. */
class ScalePlanTest {
    @Test
    void theFullScaleIsThePapersTable() {
        ScalePlan plan = ScalePlan.of(1);
        assertEquals(ScalePlan.PAPER_QUOTAS, plan.quotas());
        assertEquals(21_974, plan.instructions());
        assertEquals(
                21_974,
                plan.quotas().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(10_000, plan.pointwise());
        assertEquals(5_000, plan.pairs());
    }

    @Test
    void everyFractionsQuotasSumToItsScaledTotalAndStayWithinOneOfTheExactShare() {
        for (double fraction : List.of(0.001, 0.01, 0.125, 0.25, 1.0 / 3, 0.5, 0.9)) {
            ScalePlan plan = ScalePlan.of(fraction);
            assertEquals(Math.round(21_974 * fraction), plan.instructions(), "total at " + fraction);
            assertEquals(
                    plan.instructions(),
                    plan.quotas().values().stream().mapToInt(Integer::intValue).sum(),
                    "quotas at " + fraction);
            for (Map.Entry<String, Integer> e : plan.quotas().entrySet()) {
                double exact = ScalePlan.PAPER_QUOTAS.get(e.getKey()) * fraction;
                assertTrue(Math.abs(e.getValue() - exact) < 1, e.getKey() + " at " + fraction + ": " + e.getValue());
            }
            assertEquals(Math.max(1, Math.round(10_000 * fraction)), plan.pointwise());
            assertEquals(Math.max(1, Math.round(5_000 * fraction)), plan.pairs());
            assertTrue(plan.references() * 5 >= plan.instructions(), "a passage per call of five at " + fraction);
        }
    }

    @Test
    void anEighthOfTheScaleHasTheseQuotas() {
        // 21,974 / 8 = 2,746.75 -> 2,747. The floors sum to 2,744; the three largest remainders get one more:
        // rewriting (228.75), then of the three at .375 the first two in the paper's order, open QA and math.
        assertEquals(
                Map.of(
                        "close_qa", 312,
                        "open_qa", 116,
                        "math_qa", 457,
                        "creative_writing", 249,
                        "professional_writing", 159,
                        "rewriting", 229,
                        "translation", 202,
                        "reading_comprehension", 391,
                        "role_playing", 264,
                        "programming", 368),
                ScalePlan.of(0.125).quotas());
    }

    @Test
    void theOverridesNameTheQuotasCapsAndPassages() {
        ScalePlan plan = ScalePlan.of(0.01);
        List<String> overrides = plan.overrides("/tmp/refs.jsonl");
        assertEquals("inputs.references=/tmp/refs.jsonl", overrides.get(0));
        assertTrue(
                overrides.get(1).startsWith("generate.quotas={close_qa: 25, open_qa: 9, math_qa: 37"),
                overrides.get(1));
        assertEquals("judge.max-pointwise=100", overrides.get(2));
        assertEquals("judge.pairwise.max-pairs=50", overrides.get(3));
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThrows(ConfigException.class, () -> ScalePlan.of(0));
        assertThrows(ConfigException.class, () -> ScalePlan.of(1.5));
        assertThrows(ConfigException.class, () -> ScalePlan.of(Double.NaN));
    }

    @Test
    void syntheticPassagesAreDistinctAndReproducible(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        SyntheticReferences.write(a, 200, 7);
        SyntheticReferences.write(b, 200, 7);
        List<String> lines = Files.readAllLines(a);
        assertEquals(lines, Files.readAllLines(b));
        assertEquals(200, new HashSet<>(lines).size());
        assertTrue(SyntheticReferences.passage(3, new SplittableRandom(1))
                .get("text")
                .contains("Record 3 of the "));
    }
}

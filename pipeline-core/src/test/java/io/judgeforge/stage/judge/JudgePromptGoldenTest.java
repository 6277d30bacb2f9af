package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.testing.Fixtures;
import io.judgeforge.testing.GoldenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the exact text of every judge prompt the pipeline can send: each scenario of the shipped
 * catalog in each {@link JudgeMode}, rendered from the fixed inputs below, must equal
 * {@code src/test/resources/golden/judge/<mode>/<scenario_id>.txt} byte for byte. A change to a
 * template, the catalog or the renderer thus shows up as a reviewable diff of these files instead of
 * silently changing the training data.
 *
 * <p>After an intended change, rewrite the files (and delete those of scenarios no longer in the
 * catalog) with {@code mvn -pl pipeline-core test -Dtest=JudgePromptGoldenTest -Dgolden.update=true},
 * then review the diff before checking it in.
 */
class JudgePromptGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden/judge");

    // Several lines, non-ASCII text and the regex replacement characters $ and \, so the golden files
    // also pin that values are substituted literally and encoded as UTF-8.
    static final String INSTRUCTION = "Explain why the sky is blue during the day but red at sunset.\n"
            + "Keep it under 120 words and mention Rayleigh scattering (intensity ∝ 1/λ⁴).";
    static final String REFERENCE =
            "Sunlight is scattered by air molecules, and Rayleigh scattering is much stronger for short wavelengths "
                    + "(intensity ∝ 1/λ⁴), so blue light is scattered across the whole sky.\n\n"
                    + "At sunset the light crosses far more air; most blue is scattered out on the way, and the remaining "
                    + "red and orange light reaches the eye.";
    static final String RESPONSE_A =
            "The sky looks blue because air molecules scatter short (blue) wavelengths much more than long ones: "
                    + "Rayleigh scattering goes as 1/λ⁴.\n\n"
                    + "1. By day, scattered blue light reaches us from every direction.\n"
                    + "2. At sunset, sunlight travels through more atmosphere, the blue is scattered away, and reds remain.";
    static final String RESPONSE_B =
            "Because the sky reflects the ocean. At sunset the sun is \"tired\" and turns red, a bit like a $1 "
                    + "light bulb with a C:\\dim\\switch.";

    @TestFactory
    Stream<DynamicTest> everyScenarioInEveryModeMatchesItsGoldenFile() {
        ScenarioCatalog catalog = Fixtures.catalog();
        JudgePromptRenderer renderer = new JudgePromptRenderer(catalog, Fixtures.prompts());
        List<DynamicTest> tests = new ArrayList<>();
        for (JudgeMode mode : JudgeMode.values()) {
            for (Scenario scenario : catalog.scenarios()) {
                tests.add(DynamicTest.dynamicTest(
                        mode.code() + "/" + scenario.id(),
                        () -> GoldenFile.assertMatches(
                                file(mode, scenario.id()), render(renderer, mode, scenario.id()))));
            }
        }
        return tests.stream();
    }

    /** A golden file without a prompt would pin nothing and go stale unnoticed. */
    @Test
    void everyGoldenFileBelongsToAScenarioAndMode() throws IOException {
        Set<Path> expected = new TreeSet<>();
        for (JudgeMode mode : JudgeMode.values()) {
            for (Scenario scenario : Fixtures.catalog().scenarios()) {
                expected.add(file(mode, scenario.id()));
            }
        }
        Set<Path> present = new TreeSet<>();
        if (Files.isDirectory(ROOT)) {
            try (Stream<Path> files = Files.walk(ROOT)) {
                files.filter(Files::isRegularFile).forEach(present::add);
            }
        }
        present.removeAll(expected);
        if (GoldenFile.updating()) {
            for (Path stale : present) {
                Files.delete(stale);
            }
            return;
        }
        assertEquals(
                Set.of(),
                present,
                "golden files of no current scenario and mode; rerun with -D" + GoldenFile.UPDATE_PROPERTY
                        + "=true to delete them");
    }

    static Path file(JudgeMode mode, String scenarioId) {
        return ROOT.resolve(mode.code()).resolve(scenarioId + ".txt");
    }

    static String render(JudgePromptRenderer renderer, JudgeMode mode, String scenarioId) {
        return switch (mode) {
            case SINGLE -> renderer.single(scenarioId, INSTRUCTION, RESPONSE_A);
            case REFERENCE -> renderer.referenceGuided(scenarioId, INSTRUCTION, REFERENCE, RESPONSE_A);
            case PAIRWISE -> renderer.pairwise(scenarioId, INSTRUCTION, RESPONSE_A, RESPONSE_B);
        };
    }
}

package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which empty input a run that generates cannot do without, on the README's config and catalog. */
class EmptyInputsTest {
    static List<EmptyInputs.Empty> empty(String references, String seeds, String... overrides) {
        return EmptyInputs.of(ConfigValidatorTest.local(overrides), ConfigValidatorTest.CATALOG, references, seeds);
    }

    @Test
    void inputsWithSomethingInThemAreNotListed() {
        assertEquals(List.of(), empty(null, null));
    }

    @Test
    void referencesAreNeededByAReferenceBasedScenarioWithAQuota() {
        EmptyInputs.Empty references = empty("refs.jsonl", null).get(0);
        assertEquals(
                "Invalid value for 'inputs.references': refs.jsonl is empty, and scenario 'close_qa' (quota 12) is"
                        + " written from reference passages",
                references.error().getMessage());
        // Only quiz scenarios, one of them reading comprehension (quizzes on a passage), then none of those.
        assertEquals(
                Optional.of("scenario 'reading_comprehension' (quota 5) is written from reference passages"),
                empty(
                                "refs.jsonl",
                                null,
                                "generate.quota=0",
                                "generate.quotas.reading_comprehension=5",
                                "generate.quotas.math_qa=5")
                        .get(0)
                        .neededBy());
        EmptyInputs.Empty unneeded = empty("refs.jsonl", null, "generate.quota=0", "generate.quotas.math_qa=5")
                .get(0);
        assertEquals(Optional.empty(), unneeded.neededBy());
        assertEquals(
                "warning: 'inputs.references' names an empty file, refs.jsonl (no scenario with a quota needs it)",
                unneeded.warning());
    }

    @Test
    void seedsAreNeededWhenCallsShowSeedExamples() {
        assertEquals(
                Optional.of("scenario 'math_qa' (quota 5) shows 2 seed instructions in each call"
                        + " (generate.seed-examples)"),
                empty(null, "seeds.jsonl", "generate.quota=0", "generate.quotas.math_qa=5")
                        .get(0)
                        .neededBy());
        assertEquals(
                Optional.empty(),
                empty(null, "seeds.jsonl", "generate.seed-examples=0").get(0).neededBy());
        assertEquals(
                Optional.empty(),
                empty(null, "seeds.jsonl", "generate.quota=0").get(0).neededBy());
    }
}

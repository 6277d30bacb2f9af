package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunFingerprintTest {
    static String of(String yaml, String... overrides) {
        return new RunFingerprint(ConfigLoader.tree(yaml, List.of(overrides)))
                .add("catalog")
                .sha256();
    }

    @Test
    void keyOrderInTheFileDoesNotCount() {
        assertEquals(of("run:\n  name: a\n  seed: 1\n"), of("run:\n  seed: 1\n  name: a\n"));
    }

    @Test
    void anyValueAndAnyAddedPartCounts() {
        assertNotEquals(of("run:\n  name: a\n"), of("run:\n  name: b\n"));
        assertNotEquals(of("", "generate.quota=11"), of(""));
        assertNotEquals(
                new RunFingerprint(ConfigLoader.tree("", List.of()))
                        .add("x")
                        .add("y")
                        .sha256(),
                new RunFingerprint(ConfigLoader.tree("", List.of()))
                        .add("y")
                        .add("x")
                        .sha256());
    }

    @Test
    void aDefaultRepeatedInTheFileIsTheSameConfig() {
        // The merged config is what is hashed, not the file's text.
        assertEquals(of(""), of("generate:\n  quota: 10\n"));
        assertEquals(of("", "generate.quota=11"), of("generate:\n  quota: 11\n"));
    }

    @Test
    void howProgressIsDrawnIsNotPartOfTheConfig() {
        // A run started on a terminal can be resumed from cron with plain lines.
        assertEquals(of(""), of("", "progress.style=plain", "progress.interval-ms=500"));
    }
}

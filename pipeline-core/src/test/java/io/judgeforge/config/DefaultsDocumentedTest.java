package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every key is documented where it is defined: a comment on its line or right above it. */
class DefaultsDocumentedTest {
    @Test
    void everyKeyInDefaultsHasAComment() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../conf/defaults.yaml"));
        List<String> undocumented = new ArrayList<>();
        int keys = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.matches("^\\s*[a-z][a-z0-9-]*:.*")) {
                continue;
            }
            keys++;
            boolean trailing = line.contains(" # ") || line.matches(".*\\s#\\s.*");
            boolean above = i > 0 && lines.get(i - 1).strip().startsWith("#");
            if (!trailing && !above) {
                undocumented.add((i + 1) + ": " + line.strip());
            }
        }
        assertTrue(keys > 40, "expected the whole key set, found " + keys);
        assertEquals(List.of(), undocumented);
    }

    @Test
    void defaultsShippedInTheJarAreTheDocumentedFile() throws Exception {
        assertEquals(Files.readString(Path.of("../conf/defaults.yaml")), ConfigLoader.defaultsYaml());
    }
}

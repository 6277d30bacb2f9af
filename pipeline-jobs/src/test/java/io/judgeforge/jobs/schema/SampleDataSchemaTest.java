package io.judgeforge.jobs.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample data bundled for the README run conforms to the input schemas, line by line. */
class SampleDataSchemaTest {
    static void assertLinesValid(String file, String schema) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../conf/sample-data", file));
        assertTrue(lines.size() >= 30, file + " has " + lines.size() + " lines");
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(List.of(), JsonSchemas.validate(schema, lines.get(i)), file + ":" + (i + 1));
        }
    }

    @Test
    void referencePassagesConform() throws Exception {
        assertLinesValid("references.jsonl", "reference-passage");
    }

    @Test
    void seedInstructionsConform() throws Exception {
        assertLinesValid("seeds.jsonl", "seed-instruction");
    }
}

package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReferenceChunkerTest {
    static final String WORDS =
            IntStream.range(0, 400).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));

    @Test
    void aShortPassageIsOneChunk() {
        List<ReferencePassage> c =
                new ReferenceChunker(1000, 100).chunks(new ReferencePassage("r", "T", "x", "Short text."));
        assertEquals(List.of(new ReferencePassage("r#0", "T", "x", "Short text.")), c);
    }

    @Test
    void aLongPassageIsCutAtSpacesWithOverlapAndNothingLost() {
        List<ReferencePassage> chunks =
                new ReferenceChunker(500, 80).chunks(new ReferencePassage("r", "T", null, WORDS));
        assertTrue(chunks.size() > 5, "chunks: " + chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            String text = chunks.get(i).text();
            assertEquals("r#" + i, chunks.get(i).id());
            assertTrue(text.length() <= 500, "chunk " + i + " is " + text.length());
            assertTrue(text.matches("word\\d+( word\\d+)*"), "cut on spaces: " + text.substring(0, 20));
            if (i > 0) {
                String previous = chunks.get(i - 1).text();
                String firstWord = text.split(" ")[0];
                assertTrue(
                        previous.contains(" " + firstWord + " ") || previous.endsWith(" " + firstWord),
                        "chunk " + i + " starts inside the previous one (overlap)");
            }
        }
        for (String word : WORDS.split(" ")) {
            assertTrue(
                    chunks.stream().anyMatch(c -> (" " + c.text() + " ").contains(" " + word + " ")), word + " kept");
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReferenceChunker(50, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceChunker(500, 300));
    }
}

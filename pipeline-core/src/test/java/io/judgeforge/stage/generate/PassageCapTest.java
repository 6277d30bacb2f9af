package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.stage.RejectReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassageCapTest {
    @Test
    void aDocumentKeepsItsFirstPassagesAndTheRestAreFilteredWithTheirPlace() {
        List<Optional<Rejection>> checked = new PassageCap(2).check("ref-big", 4);
        assertEquals(
                List.of(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new Rejection(
                                RejectReason.TOO_MANY_CHUNKS,
                                "passage 3 of 4 of document ref-big, over inputs.max-chunks-per-document 2")),
                        Optional.of(new Rejection(
                                RejectReason.TOO_MANY_CHUNKS,
                                "passage 4 of 4 of document ref-big, over inputs.max-chunks-per-document 2"))),
                checked);
        assertEquals(List.of(Optional.empty()), new PassageCap(2).check("ref-small", 1));
    }

    /** A 10 MB reference in chunks of 2,000 characters: without the cap, 5,000+ passages of one document. */
    @Test
    void aHugeDocumentIsCutDownToTheCap() {
        String text = "word ".repeat(2_000_000);
        List<ReferencePassage> chunks =
                new ReferenceChunker(2000, 200).chunks(new ReferencePassage("ref-huge", null, null, text));
        List<Optional<Rejection>> checked = new PassageCap(200).check("ref-huge", chunks.size());
        assertEquals(true, chunks.size() > 5000, chunks.size() + " chunks");
        assertEquals(200, checked.stream().filter(Optional::isEmpty).count());
        assertEquals(
                chunks.size() - 200,
                checked.stream().filter(Optional::isPresent).count());
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PassageCap(0));
    }
}

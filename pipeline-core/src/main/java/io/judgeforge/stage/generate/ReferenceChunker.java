package io.judgeforge.stage.generate;

import io.judgeforge.stage.RecordIds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a reference passage into chunks of at most {@code maxChars}, each starting
 * {@code overlapChars} before the previous one ended, so a fact that straddles a cut is whole in
 * one of the two. Cuts fall on white space where there is any; a chunk's id is the passage's id
 * and its number ({@code ref-007#2}), so lineage keeps both.
 */
public final class ReferenceChunker implements Serializable {
    private final int maxChars;
    private final int overlapChars;

    public ReferenceChunker(int maxChars, int overlapChars) {
        if (maxChars < 100 || overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("chunk size " + maxChars + " with overlap " + overlapChars
                    + " (expected a size >= 100 and an overlap below half of it)");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    public List<ReferencePassage> chunks(ReferencePassage passage) {
        String text = passage.text().strip();
        List<ReferencePassage> out = new ArrayList<>();
        int start = 0;
        int n = 0;
        while (true) {
            int end = Math.min(text.length(), start + maxChars);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                if (space > start + maxChars / 2) {
                    end = space;
                }
            }
            out.add(new ReferencePassage(
                    RecordIds.passage(passage.id(), n++),
                    passage.title(),
                    passage.topic(),
                    text.substring(start, end).strip()));
            if (end >= text.length()) {
                return out;
            }
            int next = end - overlapChars;
            int space = text.indexOf(' ', next);
            start = space >= 0 && space < end ? space + 1 : next;
        }
    }
}

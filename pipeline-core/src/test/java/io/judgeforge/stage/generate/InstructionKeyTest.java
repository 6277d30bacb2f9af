package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionKeyTest {
    @Test
    void theEarlierOriginComesFirstWhateverTheIds() {
        List<InstructionKey> keys = new ArrayList<>(List.of(
                new InstructionKey(InstructionOrigin.NEW, "gen-a-0000-0"),
                new InstructionKey(InstructionOrigin.IMPORTED, "imp-b"),
                new InstructionKey(InstructionOrigin.CARRIED, "zzz"),
                new InstructionKey(InstructionOrigin.IMPORTED, "imp-a")));
        Collections.sort(keys);
        assertEquals(
                List.of("zzz", "imp-a", "imp-b", "gen-a-0000-0"),
                keys.stream().map(InstructionKey::id).toList());
    }

    /** U+FF21 is one UTF-16 unit above the surrogates of U+1F600, but below it by code point and in UTF-8. */
    @Test
    void idsCompareByCodePointAsSparkSortsThem() {
        InstructionKey fullwidthA = new InstructionKey(InstructionOrigin.NEW, "imp-\uFF21");
        InstructionKey emoji = new InstructionKey(InstructionOrigin.NEW, "imp-\uD83D\uDE00");
        assertEquals(-1, Integer.signum(fullwidthA.compareTo(emoji)));
        assertEquals(
                1, Integer.signum("imp-\uFF21".compareTo("imp-\uD83D\uDE00")), "String order differs, hence the rule");
        assertEquals(
                -1,
                Integer.signum(new InstructionKey(InstructionOrigin.NEW, "a")
                        .compareTo(new InstructionKey(InstructionOrigin.NEW, "ab"))),
                "a prefix comes first");
    }
}

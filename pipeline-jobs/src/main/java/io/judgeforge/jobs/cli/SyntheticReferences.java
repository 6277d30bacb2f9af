package io.judgeforge.jobs.cli;

import io.judgeforge.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reference passages for a scale run, written as JSONL: each about an invented place, person and
 * practice of its own, so the simulator's questions about different passages do not come out as near
 * duplicates of each other. The same count and seed give the same file.
 */
final class SyntheticReferences {
    private static final List<String> SYLLABLES = List.of(
            "ka", "lor", "ven", "mi", "dra", "tes", "bo", "rin", "sal", "que", "no", "vel", "ath", "em", "ur", "zan",
            "pi", "gor", "lu", "ster", "wen", "ad", "hol", "cri", "fen", "ta", "mor", "is", "bel", "cas", "dun", "ga",
            "hem", "jo", "kel", "mar", "nis", "ost", "pra", "ru");
    private static final List<String> TOPICS =
            List.of("history", "geography", "science", "engineering", "agriculture", "economics", "music", "medicine");
    private static final List<String> KINDS = List.of("Valley", "Harbour", "Plateau", "Basin", "Isles", "Coast");

    private SyntheticReferences() {}

    /** Writes {@code count} passages to {@code file}, one JSON object (id, title, topic, text) a line. */
    static void write(Path file, int count, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write(Json.write(passage(i, new SplittableRandom(seed * 1_000_003L + i))));
                out.newLine();
            }
        }
    }

    /**
     * One passage. Every sentence names something invented for it alone (the simulator's questions are
     * built from a passage's names and sentences), and the shared words are short, so two passages'
     * questions share few word shingles.
     */
    static Map<String, String> passage(int index, SplittableRandom random) {
        String place = name(random) + " " + KINDS.get(random.nextInt(KINDS.size()));
        String person = name(random) + " " + name(random);
        String craft = name(random).toLowerCase(java.util.Locale.ROOT) + "ing";
        String material = name(random).toLowerCase(java.util.Locale.ROOT) + "wood";
        String guild = name(random);
        String river = name(random);
        String feast = name(random);
        String archive = name(random);
        int year = 1420 + random.nextInt(560);
        String text = String.join(
                " ",
                "The " + place + " is known for " + craft + ", a way of work that began there in " + year + ".",
                person + " wrote about " + craft + " in a book the " + guild + " guild kept for " + (20 + index % 300)
                        + " years.",
                "Its people used " + material + " from the " + river + " river and set the pace of the work by the "
                        + feast + " feast.",
                "At its peak " + (20 + random.nextInt(900)) + " families of the " + place + " took part in " + craft
                        + ".",
                "Record " + index + " of the " + archive + " archive holds the first drawings " + person
                        + " made of it.");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", String.format("scale-ref-%06d", index));
        row.put("title", craft + " in the " + place);
        row.put("topic", TOPICS.get(random.nextInt(TOPICS.size())));
        row.put("text", text);
        return row;
    }

    /** An invented name of three or four syllables, capitalised. */
    static String name(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int syllables = 3 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }
}

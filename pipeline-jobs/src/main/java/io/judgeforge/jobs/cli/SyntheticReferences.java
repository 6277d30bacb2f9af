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
            "pi", "gor", "lu", "ster", "wen", "ad", "hol", "cri");
    private static final List<String> TOPICS =
            List.of("history", "geography", "science", "engineering", "agriculture", "economics", "music", "medicine");
    private static final List<String> PRACTICES = List.of(
            "terrace farming",
            "glass blowing",
            "river navigation",
            "salt harvesting",
            "bell casting",
            "wool dyeing",
            "canal building",
            "star charting",
            "paper making",
            "bridge surveying",
            "cheese ripening",
            "seed banking");
    private static final List<String> MATERIALS = List.of(
            "limestone",
            "copper wire",
            "oak timber",
            "volcanic clay",
            "river reeds",
            "linen thread",
            "bronze fittings",
            "pine resin");
    private static final List<String> OUTCOMES = List.of(
            "doubled the harvest within a decade",
            "drew traders from distant coastal towns",
            "was copied by three neighbouring provinces",
            "survived two severe floods",
            "was recorded in a detailed municipal ledger",
            "led to the founding of a small academy");

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

    static Map<String, String> passage(int index, SplittableRandom random) {
        String place = name(random) + " " + pick(random, List.of("Valley", "Harbour", "Plateau", "Basin", "Isles"));
        String person = name(random) + " " + name(random);
        String practice = pick(random, PRACTICES);
        String material = pick(random, MATERIALS);
        int year = 1420 + random.nextInt(560);
        int workers = 20 + random.nextInt(900);
        String text = String.join(
                " ",
                "The " + place + " is known for a tradition of " + practice + " that began around " + year + ".",
                person + " described the method in a treatise that local guilds kept for generations.",
                "Workers relied on " + material + " and on careful timing of the seasons to keep the work steady.",
                "At its height about " + workers + " families took part, and the practice " + pick(random, OUTCOMES)
                        + ".",
                "Later visitors noted that the " + place + " guild trained apprentices for " + (3 + random.nextInt(6))
                        + " years before they could work alone.",
                "Today the " + practice + " of the " + place + " is studied as an example of "
                        + pick(random, List.of("sustainable", "collective", "seasonal", "coastal", "upland"))
                        + " craftsmanship, and record " + index + " of the regional archive preserves "
                        + person + "'s original drawings.");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", String.format("scale-ref-%06d", index));
        row.put("title", "The " + practice + " of the " + place);
        row.put("topic", pick(random, TOPICS));
        row.put("text", text);
        return row;
    }

    private static String name(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            sb.append(pick(random, SYLLABLES));
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}

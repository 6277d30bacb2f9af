package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class ReferenceReaderSparkTest {
    static final Map<String, String> PASSAGES = Map.of(
            "ref-a",
            "Rivers carve valleys, \"slowly\".\nOver ages.",
            "ref-b",
            "Bees dance to share where flowers are.");
    final HadoopFiles files = new HadoopFiles(new Configuration());

    static SparkSession spark() {
        return SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    Map<String, String> read(Path path) {
        Map<String, String> byId = new TreeMap<>();
        for (Row r :
                ReferenceReader.read(spark(), files, path.toString(), "auto").collectAsList()) {
            byId.put(r.getString(r.fieldIndex("id")), r.getString(r.fieldIndex("text")));
        }
        return byId;
    }

    @Test
    void everyFormatGivesTheSamePassages(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("refs.jsonl");
        Files.write(
                jsonl,
                List.of(
                        "{\"id\":\"ref-a\",\"title\":\"A\",\"text\":\"Rivers carve valleys, \\\"slowly\\\".\\nOver ages.\"}",
                        "{\"id\":\"ref-b\",\"text\":\"Bees dance to share where flowers are.\"}"));
        assertEquals(new TreeMap<>(PASSAGES), read(jsonl));

        Path csv = dir.resolve("refs.csv");
        Files.writeString(
                csv,
                "id,title,text\nref-a,A,\"Rivers carve valleys, \"\"slowly\"\".\nOver ages.\"\n"
                        + "ref-b,B,Bees dance to share where flowers are.\n");
        assertEquals(new TreeMap<>(PASSAGES), read(csv));

        Path parquet = dir.resolve("parquet");
        spark().read().json(jsonl.toString()).write().parquet(parquet.toString());
        assertEquals(new TreeMap<>(PASSAGES), read(parquet), "a folder of Parquet files");

        Path text = Files.createDirectory(dir.resolve("texts"));
        PASSAGES.forEach((id, body) -> {
            try {
                Files.writeString(text.resolve(id + ".txt"), body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(new TreeMap<>(PASSAGES), read(text), "one passage per text file, id = file name");
    }

    @Test
    void unusableInputsAreNamed(@TempDir Path dir) throws Exception {
        Path noText = dir.resolve("refs.csv");
        Files.writeString(noText, "id,body\nref-a,x\n");
        assertTrue(assertThrows(ConfigException.class, () -> read(noText))
                .getMessage()
                .contains("need columns [id, text]"));
        Path odd = dir.resolve("refs.xml");
        Files.writeString(odd, "<x/>");
        assertTrue(assertThrows(ConfigException.class, () -> read(odd))
                .getMessage()
                .contains("set inputs.references-format"));
    }
}

package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark")
class NearDuplicatesSparkTest {
    static final String BASE =
            "Explain how the printing press changed the spread of scientific knowledge in early modern Europe,"
                    + " with two concrete examples of books and the readers they reached";
    static final StructType SCHEMA = new StructType()
            .add("origin", DataTypes.StringType)
            .add("id", DataTypes.StringType)
            .add("text", DataTypes.StringType);

    static List<Row> planted(String origin) {
        List<Row> rows = new ArrayList<>(List.of(
                RowFactory.create(origin, "a1", BASE + "."),
                RowFactory.create(origin, "a2", BASE + " today."), // one word added: near
                RowFactory.create(
                        origin, "a3", BASE.replace("two concrete", "three concrete") + "."), // one word changed: near
                RowFactory.create(
                        origin,
                        "b1",
                        "Write a short poem about autumn leaves falling on a quiet city street at night."),
                RowFactory.create(
                        origin, "c1", "Translate into French: the museum opens at nine and closes at six on weekdays."),
                RowFactory.create(
                        origin,
                        "c2",
                        "Translate into German: the museum opens at nine and closes at six on weekdays.")));
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create(
                    origin,
                    "x" + i,
                    "Question number " + i + " asks about topic " + (i * 7919) + " in field " + (i * 104729)));
        }
        return rows;
    }

    static Map<String, String> found(SparkSession spark, List<Row> rows) {
        Map<String, String> found = new TreeMap<>();
        for (Row r : NearDuplicates.find(spark.createDataFrame(rows, SCHEMA), 0.7, 3, 7)
                .collectAsList()) {
            found.put(r.getString(1), r.getString(2));
        }
        return found;
    }

    @Test
    void plantedNearDuplicatesAreFoundAndDistinctTextsAreNot() {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        Map<String, String> found = found(spark, planted("NEW"));
        assertEquals(List.of("a2", "a3"), List.copyOf(found.keySet()), "the planted variants");
        found.values().forEach(detail -> assertTrue(detail.startsWith("near-duplicate of a1 (Jaccard 0."), detail));
        Dataset<Row> items = spark.createDataFrame(planted("NEW"), SCHEMA)
                .select(struct(col("origin"), col("id")).as("key"), col("text"));
        for (Row r : NearDuplicates.similar(items, 0.7, 3, 7).collectAsList()) {
            assertTrue(1 - r.getDouble(2) >= 0.7, "reported Jaccard " + (1 - r.getDouble(2)));
        }
    }

    @Test
    void anInstructionOfAnEarlierOriginIsKeptWhateverItsId() {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        List<Row> rows = planted("NEW");
        rows.add(RowFactory.create("CARRIED", "z9", BASE + " indeed."));
        Map<String, String> found = found(spark, rows);
        assertEquals(List.of("a1", "a2", "a3"), List.copyOf(found.keySet()));
        found.values().forEach(detail -> assertTrue(detail.startsWith("near-duplicate of z9 (Jaccard 0."), detail));
    }
}

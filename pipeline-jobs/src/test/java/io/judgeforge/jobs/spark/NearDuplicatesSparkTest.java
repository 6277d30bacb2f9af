package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark")
class NearDuplicatesSparkTest {
  static final String BASE = "Explain how the printing press changed the spread of scientific knowledge in early modern Europe,"
      + " with two concrete examples of books and the readers they reached";

  @Test
  void plantedNearDuplicatesAreFoundAndDistinctTextsAreNot() {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    List<Row> rows = new ArrayList<>(List.of(
        RowFactory.create("a1", BASE + "."),
        RowFactory.create("a2", BASE + " today."),                                  // one word added: near
        RowFactory.create("a3", BASE.replace("two concrete", "three concrete") + "."), // one word changed: near
        RowFactory.create("b1", "Write a short poem about autumn leaves falling on a quiet city street at night."),
        RowFactory.create("c1", "Translate into French: the museum opens at nine and closes at six on weekdays."),
        RowFactory.create("c2", "Translate into German: the museum opens at nine and closes at six on weekdays.")));
    for (int i = 0; i < 40; i++) {
      rows.add(RowFactory.create("x" + i, "Question number " + i + " asks about topic " + (i * 7919) + " in field " + (i * 104729)));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    Map<String, String> found = new TreeMap<>();
    for (Row r : NearDuplicates.find(spark.createDataFrame(rows, schema), 0.7, 3, 7).collectAsList()) {
      found.put(r.getString(0), r.getString(1));
      assertTrue(r.getDouble(2) >= 0.7, "reported Jaccard " + r.getDouble(2));
    }
    assertEquals(Map.of("a2", "a1", "a3", "a1"), found, "the planted variants, each against the smallest id");
  }
}

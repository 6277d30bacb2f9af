package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.IfdFilter;
import io.judgeforge.jobs.schema.JsonSchemas;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.json.Json;
import io.judgeforge.stage.score.IfdScore;
import io.judgeforge.stage.select.BalanceReport;
import io.judgeforge.stage.select.IfdHistogram;
import io.judgeforge.stage.select.IfdOutlierFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The select stage on planted IFD scores: its targets are met where the supply allows, a pair's
 * orders stay together, and the choice does not depend on how the input is partitioned.
 *
 * <p>Supply: math_qa, programming, open_qa and close_qa, each with pointwise scores skewed to 4
 * (2, 4, 8, 30, 6 records of scores 1..5, by scenario multiplied by 1, 2, 3, 2), plus 10 decisive
 * pairs and 6 tie pairs of pairwise records, and one planted IFD outlier per scenario. The job's IFD
 * filter agrees with the core's {@link IfdOutlierFilter} on the plain list.
 */
@Tag("spark")
class SelectionTargetsTest {
    static final List<String> SCENARIOS = List.of("math_qa", "programming", "open_qa", "close_qa");
    static final int[] SCORE_COUNTS = {2, 4, 8, 30, 6};

    @TempDir
    static Path dir;

    static SparkSession spark;
    static List<IfdScore> supply = new ArrayList<>();

    @BeforeAll
    static void plant() {
        for (int s = 0; s < SCENARIOS.size(); s++) {
            String scenario = SCENARIOS.get(s);
            int times = new int[] {1, 2, 3, 2}[s];
            int n = 0;
            for (int score = 1; score <= 5; score++) {
                for (int i = 0; i < SCORE_COUNTS[score - 1] * times; i++) {
                    double ifd = 0.5 + ((n * 37) % 100) / 1000.0;
                    supply.add(new IfdScore(
                            "jdg-" + scenario + "-" + n++,
                            scenario,
                            "single",
                            Integer.toString(score),
                            null,
                            1,
                            2,
                            ifd,
                            10));
                }
            }
            // One record far above its scenario's IFD: z-score over 3 with this many records.
            supply.add(new IfdScore("jdg-" + scenario + "-outlier", scenario, "single", "3", null, 1, 2, 5.0, 10));
            for (int p = 0; p < 16; p++) {
                String pair = scenario + "-pair-" + p;
                boolean tie = p >= 10;
                double ifd = 0.4 + p / 100.0;
                supply.add(new IfdScore(
                        "jdg-" + pair + "-original", scenario, "pairwise", tie ? "C" : "A", pair, 1, 2, ifd, 10));
                supply.add(new IfdScore(
                        "jdg-" + pair + "-swapped",
                        scenario,
                        "pairwise",
                        tie ? "C" : "B",
                        pair,
                        1,
                        2,
                        ifd + 0.001,
                        10));
            }
        }
        spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    /** Writes the supply into run {@code id} as its score records, in {@code files} files, and runs select. */
    static Map<String, IfdScore> select(String id, int files, String... overrides) throws IOException {
        Path out = dir.resolve("out");
        RecordCodec<IfdScore> codec = RecordCodec.of(IfdScore.class);
        List<Row> rows = supply.stream().map(codec::toRow).toList();
        spark.createDataFrame(rows, codec.schema())
                .repartition(files)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(out.resolve("runs/" + id + "/score/records").toString());
        PipelineRuns.stage("select", out, id, "../conf/local.yaml", overrides);
        Map<String, IfdScore> kept = new TreeMap<>();
        spark.read()
                .parquet(out.resolve("runs/" + id + "/select/records").toString())
                .collectAsList()
                .forEach(r -> kept.put(codec.fromRow(r).judgmentId(), codec.fromRow(r)));
        return kept;
    }

    static Map<String, Long> counts(Map<String, IfdScore> kept, String scenario, String mode) {
        return kept.values().stream()
                .filter(s -> s.scenario().equals(scenario) && s.mode().equals(mode))
                .collect(Collectors.groupingBy(IfdScore::label, TreeMap::new, Collectors.counting()));
    }

    @Test
    void theDefaultsCapEveryScoreAtFortyPercentAndKeepTiesAtMostAsOftenAsDecisivePairs() throws IOException {
        Map<String, IfdScore> kept = select("defaults", 3);
        for (String scenario : SCENARIOS) {
            Map<String, Long> single = counts(kept, scenario, "single");
            long total = single.values().stream().mapToLong(Long::longValue).sum();
            single.forEach((score, n) ->
                    assertTrue(n <= 0.4 * total, scenario + " score " + score + ": " + n + " of " + total));
            assertTrue(!kept.containsKey("jdg-" + scenario + "-outlier"), "the IFD outlier is filtered");
            // 10 decisive pairs (A and B) and 6 tie pairs: all kept, since ties are fewer.
            assertEquals(Map.of("A", 10L, "B", 10L, "C", 12L), counts(kept, scenario, "pairwise"));
        }
    }

    @Test
    void evenScoreSharesAreMetAsFarAsTheScarcestScoreAllows() throws IOException {
        Map<String, IfdScore> kept = select("even", 2, "select.score-shares={1: 1, 2: 1, 3: 1, 4: 1, 5: 1}");
        assertEquals(Map.of("1", 2L, "2", 2L, "3", 2L, "4", 2L, "5", 2L), counts(kept, "math_qa", "single"));
        assertEquals(Map.of("1", 6L, "2", 6L, "3", 6L, "4", 6L, "5", 6L), counts(kept, "open_qa", "single"));
    }

    /** Clusters a = {math, programming}, c = {open QA} at 1:2, close QA in none, 120 records in all: 20, 20 and 80. */
    @Test
    void clusterCompositionAndATotalSizeSetTheScenarioShares() throws IOException {
        Map<String, IfdScore> kept = select(
                "clusters",
                4,
                "select.composition=clusters",
                "select.total=120",
                "select.clusters={a: [math_qa, programming], c: [open_qa]}",
                "select.cluster-ratios={a: 1, c: 2}");
        Map<String, Long> byScenario = kept.values().stream()
                .collect(Collectors.groupingBy(IfdScore::scenario, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("math_qa", 20L, "programming", 20L, "open_qa", 80L), byScenario);
        Map<String, Long> pairs = kept.values().stream()
                .filter(s -> s.pairId() != null)
                .collect(Collectors.groupingBy(IfdScore::pairId, Collectors.counting()));
        pairs.forEach((pair, n) -> assertEquals(2L, n, pair + " keeps both orders"));
        JsonNode report = PipelineRuns.JSON.readTree(
                dir.resolve("out/runs/clusters/select/_report.json").toFile());
        assertEquals("composition", report.at("/steps/2/step").asText());
    }

    @Test
    void theChoiceDoesNotDependOnPartitioningButARandomOrderChoosesOtherRecords() throws IOException {
        Map<String, IfdScore> one = select("p1", 1, "select.total=150", "spark.shuffle-partitions=1");
        Map<String, IfdScore> many = select("p7", 7, "select.total=150", "spark.shuffle-partitions=7");
        assertEquals(one.keySet(), many.keySet());
        Map<String, IfdScore> random = select("random", 5, "select.total=150", "select.order=random");
        assertEquals(one.size(), random.size(), "the same sizes");
        assertNotEquals(one.keySet(), random.keySet(), "other records");
        assertEquals(
                random.keySet(),
                select("random-again", 2, "select.total=150", "select.order=random")
                        .keySet(),
                "a seeded random choice is repeatable");
        assertTrue(Files.exists(dir.resolve("out/runs/p1/select/_balance.json")));
        // The IFD histogram: equal bins from the lowest to the highest IFD, each record in the bin the core's rule
        // gives.
        String written = Files.readString(dir.resolve("out/runs/p1/select/_ifd_histogram.json"));
        assertEquals(List.of(), JsonSchemas.validate("ifd-histogram", written));
        IfdHistogram histogram = Json.read(written, IfdHistogram.class);
        List<Double> edges = IfdHistogram.edges(
                supply.stream().mapToDouble(IfdScore::ifd).min().orElseThrow(),
                supply.stream().mapToDouble(IfdScore::ifd).max().orElseThrow());
        assertEquals(IfdHistogram.of(edges, binned(supply, edges), binned(one.values(), edges)), histogram);
    }

    /** The records per IFD bin by the core's rule, as one counted group each. */
    static List<BalanceReport.BinnedCount> binned(java.util.Collection<IfdScore> scores, List<Double> edges) {
        return scores.stream()
                .map(s -> new BalanceReport.BinnedCount(
                        s.scenario(), s.mode(), s.label(), IfdHistogram.bin(edges, s.ifd()), 1))
                .toList();
    }

    /** The ifd-filter rejects of run {@code id}: judgment id to detail. */
    static Map<String, String> ifdRejects(String id) {
        Map<String, String> rejects = new TreeMap<>();
        spark.read()
                .parquet(dir.resolve("out/runs/" + id + "/select/filtered").toString())
                .filter(functions.col("step").equalTo("ifd-filter"))
                .collectAsList()
                .forEach(r -> rejects.put(r.getString(r.fieldIndex("item_id")), r.getString(r.fieldIndex("detail"))));
        return rejects;
    }

    /** At z 1.17, a pair has one order over the bound and one under: both go, the other with the pair's reason. */
    @Test
    void theJobFiltersTheOutliersTheCoreFilterFindsOnThePlainList() throws IOException {
        select("z117", 3, "select.ifd-max-z=1.17");
        Map<String, String> expected = new TreeMap<>(new IfdOutlierFilter(IfdFilter.Z_SCORE, 1.17).outliers(supply));
        assertTrue(expected.containsValue(IfdOutlierFilter.PAIR_DETAIL), "the pair rule is exercised");
        assertEquals(expected, ifdRejects("z117"));
        select("cherry", 2, "select.ifd-filter=cherry");
        assertEquals(new TreeMap<>(new IfdOutlierFilter(IfdFilter.CHERRY, 3.0).outliers(supply)), ifdRejects("cherry"));
    }

    /** The core writes its numbers as Spark's format_number did when the detail was a Spark expression. */
    @Test
    void theRejectDetailFormatsNumbersAsSparksFormatNumber() {
        for (double ifd : new double[] {
            1.0005, 1.0015, 1.2345, 2.0625, 1234.5678, 1e9 + 0.0005, Double.NaN, Double.POSITIVE_INFINITY
        }) {
            String spark3 = spark.range(1)
                    .select(functions.concat(
                            functions.lit("IFD "),
                            functions.format_number(functions.lit(ifd), 3),
                            functions.lit(" > 1")))
                    .first()
                    .getString(0);
            assertEquals(
                    spark3,
                    new IfdOutlierFilter(IfdFilter.CHERRY, 3.0)
                            .ownOutlier(ifd, 0, null)
                            .orElseThrow());
            // A z-score of ifd: the mean 0 and the deviation 1.
            String spark2 = spark.range(1)
                    .select(functions.concat(
                            functions.lit("IFD z-score "),
                            functions.format_number(functions.lit(ifd), 2),
                            functions.lit(" > 0.5")))
                    .first()
                    .getString(0);
            assertEquals(
                    spark2,
                    new IfdOutlierFilter(IfdFilter.Z_SCORE, 0.5)
                            .ownOutlier(ifd, 0, 1.0)
                            .orElseThrow());
        }
    }
}

package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading benchmark and prediction files: both formats, and the errors that name file, line and id. */
class EvalInputReaderTest {
    static final Scale ONE_TO_FIVE = new Scale(1, 5);
    static final RatingParser LAST = RatingParser.of("last", EvalMode.POINTWISE, ONE_TO_FIVE);

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    String error(Runnable read) {
        return assertThrows(ConfigException.class, read::run).getMessage();
    }

    @Test
    void readsJsonLinesTurningNumericIdsIntoTextAndSkippingBlankLines() throws IOException {
        Path bench = file("bench.jsonl", """
        {"id": 1, "scenario": "Close QA", "human": 4, "instruction": "ignored"}

        {"id": "b", "human": 2.0, "scenario": null}
        """);
        assertEquals(
                List.of(new BenchmarkItem("1", "Close QA", 4), new BenchmarkItem("b", null, 2)),
                EvalInputReader.readBenchmark(TableReader.LOCAL, bench.toString(), EvalMode.POINTWISE, ONE_TO_FIVE));
    }

    @Test
    void readsCsvWithQuotedMultiLineText() throws IOException {
        Path bench = file("bench.csv", "id,scenario,human\n1,Math QA,3\n2,,5\n");
        assertEquals(
                List.of(new BenchmarkItem("1", "Math QA", 3), new BenchmarkItem("2", null, 5)),
                EvalInputReader.readBenchmark(TableReader.LOCAL, bench.toString(), EvalMode.POINTWISE, ONE_TO_FIVE));
        Path pred = file("pred.csv", "id,pred,pred_text\n1,,\"Fine.\nVerdict: [[3]]\"\n2,5,\n3,,\n");
        assertEquals(
                Map.of(
                        "1", new Prediction("1", new Rating.Value(3)),
                        "2", new Prediction("2", new Rating.Value(5)),
                        "3", new Prediction("3", new Rating.Unusable("empty prediction"))),
                EvalInputReader.readPredictions(TableReader.LOCAL, pred.toString(), LAST, EvalMode.POINTWISE));
    }

    @Test
    void jsonAndCsvPredictionsReadAlike() throws IOException {
        Path jsonl = file("pred.jsonl", """
        {"id": 7, "pred": 4}
        {"id": "8", "pred_text": "[[2]]"}
        {"id": "9", "pred": null}
        """);
        Path csv = file("pred.csv", "id,pred,pred_text\n7,4,\n8,,[[2]]\n9,,\n");
        assertEquals(
                EvalInputReader.readPredictions(TableReader.LOCAL, csv.toString(), LAST, EvalMode.POINTWISE),
                EvalInputReader.readPredictions(TableReader.LOCAL, jsonl.toString(), LAST, EvalMode.POINTWISE));
    }

    @Test
    void aDuplicateIdNamesTheIdTheFileAndBothLines() throws IOException {
        Path bench = file(
                "bench.jsonl", "{\"id\": 1, \"human\": 3}\n{\"id\": 2, \"human\": 3}\n{\"id\": \"1\", \"human\": 4}\n");
        assertEquals(
                "Duplicate id '1' in benchmark file " + bench + " (lines 1 and 3)",
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, bench.toString(), EvalMode.POINTWISE, ONE_TO_FIVE)));
        Path pred = file("pred.csv", "id,pred\nx,1\ny,2\ny,3\n");
        assertEquals(
                "Duplicate id 'y' in predictions file " + pred + " (lines 3 and 4)",
                error(() ->
                        EvalInputReader.readPredictions(TableReader.LOCAL, pred.toString(), LAST, EvalMode.POINTWISE)));
    }

    @Test
    void aMalformedLineNamesTheFileAndLine() throws IOException {
        Path jsonl = file("pred.jsonl", "{\"id\": 1, \"pred\": 3}\n\n{\"id\": 2, \"pred\": \n");
        assertEquals(
                "Cannot read predictions file " + jsonl
                        + ", line 3: malformed JSON (Unexpected end-of-input within/between Object entries)",
                error(() -> EvalInputReader.readPredictions(
                        TableReader.LOCAL, jsonl.toString(), LAST, EvalMode.POINTWISE)));
        Path twoValues = file("two.jsonl", "{\"id\": 1, \"pred\": 3} {\"id\": 2}\n");
        assertEquals(
                "Cannot read predictions file " + twoValues
                        + ", line 1: malformed JSON (Trailing token (of type START_OBJECT)"
                        + " found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
                        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`)",
                error(() -> EvalInputReader.readPredictions(
                        TableReader.LOCAL, twoValues.toString(), LAST, EvalMode.POINTWISE)));
        Path csv = file("pred.csv", "id,pred_text\n1,\"one\nline two\"\n2,[[3]],extra\n");
        assertEquals(
                "Cannot read predictions file " + csv + ", line 4: 3 fields, but the header has 2",
                error(() ->
                        EvalInputReader.readPredictions(TableReader.LOCAL, csv.toString(), LAST, EvalMode.POINTWISE)));
        Path unclosed = file("unclosed.csv", "id,pred_text\n1,[[3]]\n2,\"never closed\n");
        assertEquals(
                "Cannot read predictions file " + unclosed
                        + ", line 3: malformed CSV (EOF reached before encapsulated token finished)",
                error(() -> EvalInputReader.readPredictions(
                        TableReader.LOCAL, unclosed.toString(), LAST, EvalMode.POINTWISE)));
        Path array = file("bench.json", "[{\"id\": 1, \"human\": 3}]\n");
        assertEquals(
                "Cannot read benchmark file " + array
                        + ", line 1: a JSON array; expected JSON Lines, one object per line",
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, array.toString(), EvalMode.POINTWISE, ONE_TO_FIVE)));
    }

    @Test
    void anUnsupportedExtensionOrMissingFileIsNamed() throws IOException {
        Path parquet = file("bench.parquet", "PAR1");
        assertEquals(
                "Unsupported benchmark file format: " + parquet
                        + " (expected .jsonl, .json (one JSON object per line) or .csv)",
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, parquet.toString(), EvalMode.POINTWISE, ONE_TO_FIVE)));
        Path absent = dir.resolve("absent.jsonl");
        assertEquals(
                "Benchmark file not found: " + absent,
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, absent.toString(), EvalMode.POINTWISE, ONE_TO_FIVE)));
    }

    @Test
    void badHumanLabelsStopTheRunNamingLineAndId() throws IOException {
        Path offScale = file("bench.jsonl", "{\"id\": \"q1\", \"human\": 3}\n{\"id\": \"q2\", \"human\": 7}\n");
        assertEquals(
                "Cannot read benchmark file " + offScale + ", line 2: human score 7 for id 'q2' is off the scale 1-5"
                        + " (set --min-score/--max-score)",
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, offScale.toString(), EvalMode.POINTWISE, ONE_TO_FIVE)));
        Path pairwise = file("pairs.csv", "id,human\np1,1\np2,A\n");
        assertEquals(
                "Cannot read benchmark file " + pairwise
                        + ", line 3: human label 'A' for id 'p2' is not 1, 2 or 0 (tie)",
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, pairwise.toString(), EvalMode.PAIRWISE, ONE_TO_FIVE)));
        Path noHuman = file("nohuman.jsonl", "{\"id\": \"q1\"}\n");
        assertEquals(
                "Cannot read benchmark file " + noHuman + ", line 1: no 'human' label for id 'q1'",
                error(() -> EvalInputReader.readBenchmark(
                        TableReader.LOCAL, noHuman.toString(), EvalMode.POINTWISE, ONE_TO_FIVE)));
    }

    @Test
    void aPredictionRowGivesAtMostOneOfPredAndPredTextAndAFileSomeValueColumn() throws IOException {
        Path both = file("both.jsonl", "{\"id\": 1, \"pred\": 3, \"pred_text\": \"[[3]]\"}\n");
        assertEquals(
                "Cannot read predictions file " + both + ", line 1: both 'pred' and 'pred_text' for id '1'; give one",
                error(() ->
                        EvalInputReader.readPredictions(TableReader.LOCAL, both.toString(), LAST, EvalMode.POINTWISE)));
        // No value column in the whole file is a misnamed column (here 'score'), not a judge that failed on all.
        Path neither = file("neither.jsonl", "{\"id\": 1, \"score\": 3}\n{\"id\": 2, \"score\": 4}\n");
        assertEquals(
                "Cannot read predictions file " + neither + ": no row has a 'pred' or 'pred_text' column",
                error(() -> EvalInputReader.readPredictions(
                        TableReader.LOCAL, neither.toString(), LAST, EvalMode.POINTWISE)));
    }

    @Test
    void aRowWithAnIdButNoPredictionValueIsAMissingPredictionNotAnError() throws IOException {
        // Absent (row 2) and null (row 3) alike: the judge gave nothing for the item, which is scored as wrong.
        Path pred = file("gaps.jsonl", """
        {"id": 1, "pred": 3}
        {"id": 2}
        {"id": 3, "pred": null}
        """);
        Map<String, Prediction> read =
                EvalInputReader.readPredictions(TableReader.LOCAL, pred.toString(), LAST, EvalMode.POINTWISE);
        assertEquals(new Prediction("1", new Rating.Value(3)), read.get("1"));
        assertEquals(new Prediction("2", new Rating.Unusable(EvalInputReader.NO_VALUE)), read.get("2"));
        assertEquals(new Prediction("3", new Rating.Unusable("empty prediction")), read.get("3"));
        // A row without an id cannot be matched to an item: still an error, on one line.
        Path noId = file("noid.jsonl", "{\"id\": 1, \"pred\": 3}\n{\"pred\": 4}\n");
        assertEquals(
                "Cannot read predictions file " + noId + ", line 2: no 'id'",
                error(() ->
                        EvalInputReader.readPredictions(TableReader.LOCAL, noId.toString(), LAST, EvalMode.POINTWISE)));
    }
}

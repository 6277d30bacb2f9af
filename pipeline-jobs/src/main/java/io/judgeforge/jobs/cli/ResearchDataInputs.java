package io.judgeforge.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the public benchmarks of the research-data folder (MT-Bench, AlignBench, FLASK; see its
 * README) into the pipeline's own input formats, in a working folder: instructions to import with
 * their benchmark labels kept aside, reference passages, and seed instructions. The files are read
 * where they lie and the converted copies live only in the working folder, never in the project.
 */
public final class ResearchDataInputs {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Path data;

    public ResearchDataInputs(Path data) {
        this.data = data;
        for (String file : List.of(
                "mtbench/question.jsonl", "alignbench/data_v1.1_release.jsonl", "flask/flask_evaluation.jsonl")) {
            if (!Files.isRegularFile(data.resolve(file))) {
                throw new ConfigException("No " + file + " under " + data.toAbsolutePath()
                        + " (give --research-data the folder" + " holding the shared research data)");
            }
        }
    }

    /** One benchmark item: its instruction and the benchmark's own category labels. */
    public record Labelled(String id, String benchmark, String category, String subcategory, String text) {}

    /** MT-Bench's 80 questions (first turn) and AlignBench's 683, with their categories. */
    public List<Labelled> labelledInstructions() {
        List<Labelled> out = new ArrayList<>();
        for (JsonNode q : lines("mtbench/question.jsonl")) {
            out.add(new Labelled(
                    "mtbench-" + q.get("question_id").asText(),
                    "mtbench",
                    q.get("category").asText(),
                    null,
                    q.get("turns").get(0).asText()));
        }
        for (JsonNode q : lines("alignbench/data_v1.1_release.jsonl")) {
            out.add(new Labelled(
                    "alignbench-" + q.get("question_id").asText(),
                    "alignbench",
                    q.get("category").asText(),
                    q.get("subcategory").asText(),
                    q.get("question").asText()));
        }
        return out;
    }

    /** Writes {@code instructions.jsonl} (id, text: no scenario, so the classifier decides) and {@code labels.jsonl}. */
    public void writeInstructions(Path instructions, Path labels) {
        try (BufferedWriter in = Files.newBufferedWriter(instructions);
                BufferedWriter lab = Files.newBufferedWriter(labels)) {
            for (Labelled l : labelledInstructions()) {
                ObjectNode row = JSON.createObjectNode().put("id", l.id()).put("text", l.text());
                in.write(JSON.writeValueAsString(row));
                in.newLine();
                ObjectNode label = JSON.createObjectNode()
                        .put("id", l.id())
                        .put("benchmark", l.benchmark())
                        .put("category", l.category())
                        .put("subcategory", l.subcategory());
                lab.write(JSON.writeValueAsString(label));
                lab.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the converted instructions", e);
        }
    }

    /**
     * Reference passages: the first {@code perSource} FLASK reference answers and AlignBench reference
     * answers of at least {@code minChars} characters (English and Chinese text).
     */
    public void writeReferences(Path references, int perSource, int minChars) {
        try (BufferedWriter out = Files.newBufferedWriter(references)) {
            int flask = 0;
            for (JsonNode r : lines("flask/flask_evaluation.jsonl")) {
                String text = r.path("answer").asText("");
                if (flask < perSource && text.length() >= minChars) {
                    out.write(JSON.writeValueAsString(JSON.createObjectNode()
                            .put("id", "flask-" + r.get("idx").asText())
                            .put("title", r.path("task").asText(""))
                            .put("text", text)));
                    out.newLine();
                    flask++;
                }
            }
            int align = 0;
            for (JsonNode r : lines("alignbench/data_v1.1_release.jsonl")) {
                String text = r.path("reference").asText("");
                if (align < perSource && text.length() >= minChars) {
                    out.write(JSON.writeValueAsString(JSON.createObjectNode()
                            .put("id", "alignbench-" + r.get("question_id").asText())
                            .put("topic", r.get("category").asText())
                            .put("text", text)));
                    out.newLine();
                    align++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the converted references", e);
        }
    }

    /**
     * Seed instructions: the MT-Bench questions whose category maps to exactly one scenario, as seeds
     * of that scenario (the others would need a judgement per question).
     */
    public void writeSeeds(Path seeds, io.judgeforge.stage.classify.CategoryMapping mtbench) {
        try (BufferedWriter out = Files.newBufferedWriter(seeds)) {
            for (Labelled l : labelledInstructions()) {
                if (!l.benchmark().equals("mtbench")) {
                    continue;
                }
                java.util.Set<String> accepted = mtbench.accepted(l.category(), null);
                if (accepted.size() == 1) {
                    out.write(JSON.writeValueAsString(JSON.createObjectNode()
                            .put("id", l.id())
                            .put("scenario", accepted.iterator().next())
                            .put("text", l.text())));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the converted seeds", e);
        }
    }

    private List<JsonNode> lines(String file) {
        try (Stream<String> lines = Files.lines(data.resolve(file))) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : (Iterable<String>) lines.filter(l -> !l.isBlank())::iterator) {
                out.add(JSON.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + data.resolve(file), e);
        }
    }
}

package io.judgeforge.stage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CategoryMappingTest {
    static final Path MAPPINGS = Path.of("../conf/category-mappings");
    // The benchmark files have no licence, so they are read in place and never copied into the repo.
    static final Path RESEARCH = Path.of("../../shared/research-data");

    static final Set<String> IDS = Fixtures.catalog().scenarios().stream()
            .map(Scenario::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    static CategoryMapping shipped(String benchmark) {
        return CategoryMapping.load(MAPPINGS.resolve(benchmark + ".yaml"), IDS);
    }

    static List<JsonNode> jsonl(Path file) throws IOException {
        Assumptions.assumeTrue(
                Files.exists(file),
                "research data absent, skipping the check against the real labels: "
                        + file.toAbsolutePath().normalize());
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(Json.mapper().readTree(line));
            }
        }
        return rows;
    }

    static String yaml(String categories) {
        return "benchmark: b\nfield: category\nsubfield: sub\ncategories:\n" + categories;
    }

    static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> CategoryMapping.parse(yaml, "bad.yaml", IDS))
                .getMessage();
    }

    @Test
    void shippedMappingsLoadAgainstTheTenCatalogIds() {
        assertEquals(
                Set.of(
                        "close_qa",
                        "open_qa",
                        "math_qa",
                        "creative_writing",
                        "professional_writing",
                        "rewriting",
                        "translation",
                        "reading_comprehension",
                        "role_playing",
                        "programming"),
                IDS);

        CategoryMapping mt = shipped("mtbench");
        assertEquals("mtbench", mt.benchmark());
        assertEquals("category", mt.field());
        assertEquals("", mt.subfield());
        assertEquals(
                List.of("writing", "roleplay", "reasoning", "math", "coding", "extraction", "stem", "humanities"),
                List.copyOf(mt.categories()));
        assertEquals(Set.of("creative_writing", "professional_writing", "rewriting"), mt.accepted("writing", null));
        assertEquals(Set.of("math_qa"), mt.accepted("reasoning", null));

        CategoryMapping ab = shipped("alignbench");
        assertEquals("subcategory", ab.subfield());
        assertEquals(Set.of("专业能力", "角色扮演", "数学计算", "逻辑推理", "文本写作", "基本任务", "中文理解", "综合问答"), ab.categories());
        assertEquals(Set.of("translation"), ab.accepted("基本任务", "翻译"));
        assertEquals(Set.of("close_qa", "programming"), ab.accepted("专业能力", "计算机"));
        // A subcategory without its own entry, or no subcategory at all, uses the category's set.
        assertEquals(Set.of("close_qa"), ab.accepted("专业能力", "历史"));
        assertEquals(Set.of("close_qa"), ab.accepted("专业能力", null));
        // The same subcategory name means different things under different categories.
        assertTrue(ab.accepted("角色扮演", "其他写作类").contains("role_playing"));
        assertFalse(ab.accepted("文本写作", "其他写作类").contains("role_playing"));
    }

    @Test
    void anUnknownScenarioIdIsRejectedNamingItAndItsEntry() {
        String msg = error(yaml("  writing: {accept: [creative_writing, poetry]}\n"));
        assertTrue(msg.contains("'poetry'"), msg);
        assertTrue(msg.contains("bad.yaml"), msg);
        assertTrue(msg.contains("categories.writing.accept"), msg);

        String sub = error(
                yaml("  tasks:\n    accept: [translation]\n    subcategories:\n      翻译: {accept: [translate]}\n"));
        assertTrue(sub.contains("'translate'") && sub.contains("categories.tasks.subcategories.翻译.accept"), sub);
    }

    @Test
    void malformedEntriesAreRejectedWithTheirLocation() {
        assertTrue(error(yaml("  writing: {accept: []}\n"))
                .contains("categories.writing.accept must be a non-empty list"));
        assertTrue(error(yaml("  writing: {accept: [rewriting, rewriting]}\n")).contains("lists 'rewriting' twice"));
        assertTrue(
                error(yaml("  writing: {acept: [rewriting]}\n")).contains("unknown key 'acept' in categories.writing"));
        assertTrue(error(yaml("  writing: {accept: [rewriting]}\n  writing: {accept: [translation]}\n"))
                .contains("Duplicate field 'writing'"));
        assertTrue(error(yaml("  writing: rewriting\n")).contains("categories.writing must be a mapping"));
        assertTrue(error("benchmark: b\nfield: category\ncategories:\n  a:\n    accept: [rewriting]\n"
                        + "    subcategories: {x: {accept: [translation]}}\n")
                .contains("'subfield' is empty"));
        assertTrue(error("benchmark: b\nfield: category\ncategories: {}\n").contains("non-empty mapping 'categories'"));
        assertTrue(error("field: category\ncategories:\n  a: {accept: [rewriting]}\n")
                .contains("needs 'benchmark'"));
    }

    @Test
    void unknownKeysAndValuesOfTheWrongKindAreNamedWithTheFile() {
        assertEquals(
                "bad.yaml: unknown key 'fields' in the top level (allowed: [benchmark, categories, field, subfield])",
                error("benchmark: b\nfields: category\ncategories:\n  a: {accept: [rewriting]}\n"));
        assertEquals(
                "bad.yaml: unknown key 'acept' in categories.tasks.subcategories.翻译 (allowed: [accept])",
                error(
                        yaml(
                                "  tasks:\n    accept: [translation]\n    subcategories:\n      翻译: {acept: [translation]}\n")));
        assertEquals(
                "bad.yaml, line 1: benchmark must be a string",
                error("benchmark: 2024\nfield: category\ncategories: {}\n"));
        assertEquals(
                "bad.yaml, line 5: categories.writing.accept[1] must be a string",
                error(yaml("  writing: {accept: [rewriting, 3]}\n")));
        assertEquals(
                "bad.yaml, line 5: categories.writing.accept must be a list",
                error(yaml("  writing: {accept: rewriting}\n")));
        assertEquals(
                "bad.yaml, line 5: categories.writing must be a mapping",
                error(yaml("  writing:\n  coding: {accept: [programming]}\n")));
        assertEquals("The category mapping bad.yaml is not a YAML mapping", error("- benchmark: b\n"));
    }

    @Test
    void anUnmappedCategoryIsAnErrorNamingIt() {
        CategoryMapping mt = shipped("mtbench");
        String msg = assertThrows(IllegalArgumentException.class, () -> mt.accepted("poetry", null))
                .getMessage();
        assertTrue(msg.contains("'poetry'") && msg.contains("mtbench.yaml") && msg.contains("writing"), msg);
        assertThrows(IllegalArgumentException.class, () -> mt.accepted(null, null));
    }

    @Test
    void everyMtBenchCategoryInTheDataIsMapped() throws IOException {
        CategoryMapping mt = shipped("mtbench");
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JsonNode q : jsonl(RESEARCH.resolve("mtbench/question.jsonl"))) {
            String category = q.get(mt.field()).asText();
            assertFalse(mt.accepted(category, null).isEmpty(), category);
            seen.merge(category, 1, Integer::sum);
        }
        assertEquals(80, seen.values().stream().mapToInt(Integer::intValue).sum());
        // Every mapped category occurs, so no entry is dead weight or a misspelling.
        assertEquals(mt.categories(), seen.keySet());
    }

    @Test
    void everyAlignBenchCategoryAndSubcategoryInTheDataIsMapped() throws IOException {
        CategoryMapping ab = shipped("alignbench");
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode q : jsonl(RESEARCH.resolve("alignbench/data_v1.1_release.jsonl"))) {
            String category = q.get(ab.field()).asText();
            String subcategory = q.get(ab.subfield()).asText();
            assertFalse(ab.accepted(category, subcategory).isEmpty(), category + "/" + subcategory);
            seen.computeIfAbsent(category, k -> new LinkedHashSet<>()).add(subcategory);
            n++;
        }
        assertEquals(683, n);
        assertEquals(ab.categories(), seen.keySet());
        // A misspelt subcategory key would silently fall back to its category's set; each must occur in the data.
        for (String category : ab.categories()) {
            for (String subcategory : ab.subcategories(category)) {
                assertTrue(
                        seen.get(category).contains(subcategory),
                        category + "/" + subcategory + " has an entry but no AlignBench question has it");
            }
        }
    }
}

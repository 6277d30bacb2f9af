package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictYamlTest {
    record Doc(String title, Integer size, Boolean open, List<Item> items, Map<String, Item> byName) {}

    record Item(String label) {}

    static Doc read(String yaml) {
        return StrictYaml.read(yaml, Doc.class, "test document", "doc.yaml");
    }

    static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void bindsKebabCaseKeysAndLeavesAbsentOnesNull() {
        record Kebab(String longName) {}
        assertEquals(new Kebab("x"), StrictYaml.read("long-name: x", Kebab.class, "test document", "doc.yaml"));
        assertEquals(new Doc("t", null, null, List.of(new Item("a")), null), read("title: t\nitems:\n  - label: a\n"));
    }

    @Test
    void anUnknownKeyIsNamedWithItsPlaceAndTheAllowedKeys() {
        assertEquals(
                "doc.yaml: unknown key 'colour' in the top level (allowed: [by-name, items, open, size, title])",
                error("colour: red\ntitle: t\n"));
        assertEquals(
                "doc.yaml: unknown key 'lable' in items[1] (allowed: [label])",
                error("items:\n  - label: a\n  - label: b\n    lable: c\n"));
        assertEquals(
                "doc.yaml: unknown key 'text' in by-name.first (allowed: [label])",
                error("by-name:\n  first: {text: x}\n"));
    }

    @Test
    void aValueOfTheWrongKindIsNamed() {
        // No scalar stands in for another: a number or true/false is not text, "3" not a number, 2.5 not an integer.
        assertEquals("doc.yaml, line 1: title must be a string", error("title: 2024"));
        assertEquals("doc.yaml, line 1: title must be a string", error("title: true"));
        assertEquals("doc.yaml, line 1: size must be an integer", error("size: '3'"));
        assertEquals("doc.yaml, line 1: size must be an integer", error("size: 2.5"));
        assertEquals("doc.yaml, line 1: open must be true or false", error("open: 1"));
        assertEquals("doc.yaml, line 1: items must be a list", error("items: a"));
        assertEquals("doc.yaml, line 2: items[0] must be a mapping", error("items:\n  - a\n"));
        assertEquals("doc.yaml, line 1: by-name must be a mapping", error("by-name: [a]"));
    }

    @Test
    void anEmptyEntryInAListOrMappingIsAnError() {
        assertEquals("doc.yaml, line 3: items[1] must be a mapping", error("items:\n  - label: a\n  -\n"));
        assertEquals("doc.yaml, line 2: by-name.first must be a mapping", error("by-name:\n  first:\n"));
    }

    @Test
    void aRepeatedKeyOrBrokenYamlCannotBeRead() {
        assertEquals(
                "Cannot read the test document doc.yaml, line 2: Duplicate field 'title'",
                error("title: a\ntitle: b\n"));
        assertEquals(
                "Cannot read the test document doc.yaml, line 3: Duplicate field 'first'",
                error("by-name:\n  first: {label: a}\n  first: {label: b}\n"));
        String broken = error("title: x\n  bad indent: 1\n");
        assertEquals(
                "Cannot read the test document doc.yaml, line 2: mapping values are not allowed here",
                broken.substring(0, broken.indexOf('\n')));
    }

    @Test
    void aDocumentThatIsNotAMappingIsNamed() {
        for (String notAMapping : List.of("", "# only a comment\n", "- a\n- b\n", "just text", "~")) {
            assertEquals("The test document doc.yaml is not a YAML mapping", error(notAMapping), notAMapping);
        }
    }
}

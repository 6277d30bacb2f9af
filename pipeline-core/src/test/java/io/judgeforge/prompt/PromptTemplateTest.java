package io.judgeforge.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    @Test
    void rendersEveryPlaceholderLiterally() {
        PromptTemplate t = PromptTemplate.of("t", "Q: {{instruction}}\nA: {{response}} {{instruction}}");
        assertEquals(Set.of("instruction", "response"), t.placeholders());
        assertEquals("Q: a $1 \\\nA: b a $1 \\", t.render(Map.of("instruction", "a $1 \\", "response", "b")));
    }

    @Test
    void missingOrExtraValuesFail() {
        PromptTemplate t = PromptTemplate.of("t", "{{a}} {{b}}");
        assertThrows(IllegalArgumentException.class, () -> t.render(Map.of("a", "1")));
        assertThrows(IllegalArgumentException.class, () -> t.render(Map.of("a", "1", "b", "2", "c", "3")));
    }

    @Test
    void versionFollowsTheText() {
        assertEquals(
                PromptTemplate.of("t", "x").version(),
                PromptTemplate.of("t", "x").version());
        assertNotEquals(
                PromptTemplate.of("t", "x").version(),
                PromptTemplate.of("t", "x ").version());
        assertEquals("t@2d711642b726", PromptTemplate.of("t", "x").version(), "name@ first 12 hex of SHA-256(\"x\")");
    }

    @Test
    void shippedTemplatesHaveExactlyThePlaceholdersThePipelineFills() throws Exception {
        Map<String, PromptTemplate> templates = new HashMap<>();
        for (String name : PromptLibrary.REQUIRED.keySet()) {
            templates.put(name, PromptTemplate.of(name, Files.readString(Path.of("../conf/prompts/" + name + ".txt"))));
        }
        PromptLibrary library = new PromptLibrary(templates);
        assertEquals(PromptLibrary.REQUIRED.keySet(), library.templates().keySet());
    }
}

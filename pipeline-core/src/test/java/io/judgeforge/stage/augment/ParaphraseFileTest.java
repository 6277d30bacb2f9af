package io.judgeforge.stage.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParaphraseFileTest {
    static void assertError(String yaml, String... parts) {
        String message = assertThrows(ConfigException.class, () -> ParaphraseFile.parse(yaml, "conf/p.yaml"))
                .getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), message + " names " + part);
        }
    }

    @Test
    void criterionNamesAreKeptInLowerCaseWithTheirParaphrasesInOrder() {
        Map<String, List<Paraphrase>> read = ParaphraseFile.parse("""
        Factual accuracy:
          - {name: "Truthfulness", description: "The answer states nothing false."}
          - {name: "Correctness", description: "Every fact is right."}
        Clarity: []
        """, "conf/p.yaml");
        assertEquals(
                Map.of(
                        "factual accuracy",
                        List.of(
                                new Paraphrase("Truthfulness", "The answer states nothing false."),
                                new Paraphrase("Correctness", "Every fact is right.")),
                        "clarity",
                        List.of()),
                read);
    }

    @Test
    void theShippedFileReads() throws IOException {
        Map<String, List<Paraphrase>> read = ParaphraseFile.parse(
                Files.readString(Path.of("../conf/criteria-paraphrases.yaml")), "criteria-paraphrases.yaml");
        assertTrue(read.containsKey("factual accuracy"), read.keySet().toString());
    }

    @Test
    void anUnknownKeyIsNamedWithItsPlaceAndTheFile() {
        assertError("""
        Clarity:
          - {name: "Readability", descripton: "Easy to follow."}
        """, "conf/p.yaml", "unknown key 'descripton' at Clarity[0]");
    }

    @Test
    void aMissingOrBlankFieldIsAnError() {
        assertError(
                "Clarity:\n  - {name: \"Readability\"}\n", "conf/p.yaml", "Clarity[0] needs a name and a description");
        assertError(
                "Clarity:\n  - {name: \" \", description: \"Easy.\"}\n", "Clarity[0] needs a name and a description");
    }

    @Test
    void aCriterionListedTwiceInAnyCaseIsAnError() {
        assertError("Clarity: []\nclarity: []\n", "conf/p.yaml", "'clarity' is listed twice");
        assertError("Clarity: []\nClarity: []\n", "conf/p.yaml", "Clarity");
    }

    @Test
    void anEmptyFileOrACriterionWithoutAListIsAnError() {
        assertError("", "conf/p.yaml is empty");
        assertError("---\n", "conf/p.yaml is empty");
        assertError("~\n", "conf/p.yaml is empty");
        assertError("Clarity:\n", "conf/p.yaml", "'Clarity' has no list");
        assertError("Clarity: Readability\n", "conf/p.yaml", "cannot read Clarity");
    }
}

package io.judgeforge.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.CallOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The closed set of reasons: one code per reason, and the schemas of rejected records list exactly those codes. */
class RejectReasonTest {
    static final Path SCHEMAS = Path.of("../data-schemas");

    static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        Arrays.stream(RejectReason.values()).forEach(r -> codes.add(r.code()));
        Arrays.stream(CallOutcome.values()).filter(o -> o != CallOutcome.OK).forEach(o -> codes.add(o.code()));
        return codes;
    }

    @Test
    void everyRuleReasonHasAMeaningAndCallOutcomesShareOnlyTheNotJsonCode() {
        Arrays.stream(RejectReason.values())
                .forEach(r -> assertFalse(r.meaning().isBlank(), r.name()));
        Set<String> shared = new TreeSet<>();
        Arrays.stream(RejectReason.values())
                .map(RejectReason::code)
                .filter(c -> Arrays.stream(CallOutcome.values())
                        .anyMatch(o -> o.code().equals(c)))
                .forEach(shared::add);
        // An input line that is not JSON and a reply that is not JSON: the same code, the same meaning.
        assertEquals(Set.of("malformed_json"), shared);
    }

    @Test
    void theRejectSchemasListExactlyTheReasonCodes() throws Exception {
        for (String schema : Stream.of("rejected-record", "item-outcome").toList()) {
            JsonNode reason = Json.mapper()
                    .readTree(Files.readString(SCHEMAS.resolve(schema + ".schema.json")))
                    .path("properties")
                    .path("reason")
                    .path("enum");
            Set<String> listed = new TreeSet<>();
            reason.forEach(n -> listed.add(n.asText()));
            assertEquals(codes(), listed, schema + ".schema.json's reason enum");
        }
    }
}

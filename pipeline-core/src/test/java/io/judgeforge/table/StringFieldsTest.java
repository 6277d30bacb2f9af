package io.judgeforge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StringFieldsTest {
    static final List<String> FIELDS = List.of("id", "text", "title");

    static Optional<String> check(String line) {
        return StringFields.wrongType(line, FIELDS);
    }

    @Test
    void aFieldThatIsNotAStringIsNamedWithItsJsonType() {
        assertEquals(Optional.of("field 'text' is a number, expected a string"), check("{\"id\":\"r1\",\"text\":42}"));
        assertEquals(
                Optional.of("field 'text' is an array, expected a string"),
                check("{\"id\":\"r1\",\"text\":[\"a\",\"b\"]}"));
        assertEquals(Optional.of("field 'id' is a number, expected a string"), check("{\"id\":3,\"text\":\"A.\"}"));
        assertEquals(
                Optional.of("field 'title' is an object, expected a string"),
                check("{\"id\":\"r1\",\"text\":\"A.\",\"title\":{}}"));
        assertEquals(Optional.of("field 'id' is a boolean, expected a string"), check("{\"id\":true,\"text\":\"A.\"}"));
    }

    @Test
    void stringsNullsAbsentFieldsAndOtherFieldsPass() {
        assertEquals(Optional.empty(), check("{\"id\":\"42\",\"text\":\"[1]\"}"), "a string that looks like a number");
        assertEquals(Optional.empty(), check("{\"id\":\"r1\",\"text\":null}"), "null is the missing-text check's");
        assertEquals(Optional.empty(), check("{\"id\":\"r1\",\"score\":5}"), "a field the reader does not take");
    }

    @Test
    void aLineThatIsNotAnObjectIsTheMalformedCheckNotThisOne() {
        assertEquals(Optional.empty(), check("{not json"));
        assertEquals(Optional.empty(), check("[1, 2]"));
    }
}

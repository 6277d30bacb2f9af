package io.judgeforge.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** How a binding error names the place in a YAML document and the kind of value expected there. */
final class BindingTerms {
    private BindingTerms() {}

    /** The key path of a binding error: {@code teacher.max-tokens}, {@code scenarios[2].criteria[0]}. */
    static String keyPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The kind of value a type is bound from: "an integer", "a list", "a mapping" (a record or a map)... */
    static String kind(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase())
                            .toList();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a mapping";
    }
}

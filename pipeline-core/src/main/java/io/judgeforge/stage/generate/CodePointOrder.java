package io.judgeforge.stage.generate;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Strings in code point order, which is the order of their UTF-8 bytes: the order Spark sorts
 * strings in. {@link String#compareTo} compares UTF-16 units and differs from it for characters
 * beyond the Basic Multilingual Plane, so a rule that picks the first of several by text or id
 * would pick another one than Spark did.
 */
final class CodePointOrder {
    static final Comparator<String> INSTANCE =
            (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    private CodePointOrder() {}
}

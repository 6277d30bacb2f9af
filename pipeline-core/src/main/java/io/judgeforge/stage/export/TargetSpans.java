package io.judgeforge.stage.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks a judge target for the paper's multi-objective training (section 5): score-and-format text,
 * trained with plain cross-entropy, against rationale text. Format is the verdict sentence up to
 * "as follows.", the section headers, list numbers, the {@code [[x]]} scores and verdicts (and a
 * {@code [RESULT] x}), and line breaks; everything else is rationale. The spans cover the whole
 * text, in order, with no two neighbours of the same kind. Offsets are in code points (Python's
 * string indices), so a character outside the Basic Multilingual Plane counts once.
 */
public final class TargetSpans {
    private static final Pattern FORMAT = Pattern.compile(String.join(
            "|",
            "(?im)^[ \\t]*I believe the (?:overall rating of this response|better response) is \\[\\[[^\\]]*]][^\\n]*?as follows\\.",
            "(?im)^[ \\t]*(?:strengths|shortcomings|advantages|disadvantages|weaknesses) of (?:the current response|response [ab])[ \\t]*:?[ \\t]*$",
            "(?m)^[ \\t]*\\d{1,3}[.)][ \\t]+",
            "[ \\t]*\\[\\[[^\\]\\n]{0,40}]]\\.?",
            "\\[RESULT][ \\t]*\\d+(?:\\.\\d+)?",
            "\\n+"));

    private TargetSpans() {}

    public static List<TargetSpan> of(String target) {
        List<TargetSpan> spans = new ArrayList<>();
        Matcher m = FORMAT.matcher(target);
        int at = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            add(spans, at, m.start(), TargetSpan.RATIONALE);
            add(spans, m.start(), m.end(), TargetSpan.FORMAT);
            at = m.end();
        }
        add(spans, at, target.length(), TargetSpan.RATIONALE);
        // Offsets count code points, as Python and most trainers index strings, not Java's UTF-16 units.
        return spans.stream()
                .map(s -> new TargetSpan(
                        target.codePointCount(0, s.start()), target.codePointCount(0, s.end()), s.kind()))
                .toList();
    }

    private static void add(List<TargetSpan> spans, int start, int end, String kind) {
        if (end <= start) {
            return;
        }
        if (!spans.isEmpty() && spans.get(spans.size() - 1).kind().equals(kind)) {
            TargetSpan last = spans.remove(spans.size() - 1);
            spans.add(new TargetSpan(last.start(), end, kind));
        } else {
            spans.add(new TargetSpan(start, end, kind));
        }
    }
}

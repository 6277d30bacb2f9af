package io.judgeforge.stage.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headed lists of a Themis-style critique ("Strengths of ...:" followed by numbered points). They are read only
 * after the verdict: a judge that echoes the template first would otherwise have its echoed, empty sections swallow
 * the real points that follow.
 */
final class CritiqueSections {
    /**
     * One section. A heading pattern has two named groups: {@code good}, set for a strengths heading, and
     * {@code side}, the response it is about (empty when there is only one).
     */
    record Section(boolean strengths, String side, String body) {}

    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,2}[.)]\\s+(.*?)\\s*$", Pattern.MULTILINE);

    private CritiqueSections() {}

    /** The sections whose heading matches {@code heading} after {@code from}; each runs to the next heading. */
    static List<Section> after(String text, int from, Pattern heading) {
        Matcher h = heading.matcher(text);
        // Without anchoring bounds, '^' still means a line start, not wherever the verdict ended.
        h.region(from, text.length()).useAnchoringBounds(false);
        List<Section> sections = new ArrayList<>();
        boolean strengths = false;
        String side = null;
        int bodyStart = -1;
        while (h.find()) {
            if (bodyStart >= 0) {
                sections.add(new Section(strengths, side, text.substring(bodyStart, h.start())));
            }
            strengths = h.group("good") != null;
            side = h.group("side");
            bodyStart = h.end();
        }
        if (bodyStart >= 0) {
            sections.add(new Section(strengths, side, text.substring(bodyStart)));
        }
        return sections;
    }

    /** The text of each numbered point in a section body. */
    static List<String> points(String body) {
        List<String> points = new ArrayList<>();
        Matcher p = NUMBERED.matcher(body);
        while (p.find()) {
            points.add(p.group(1));
        }
        return points;
    }
}

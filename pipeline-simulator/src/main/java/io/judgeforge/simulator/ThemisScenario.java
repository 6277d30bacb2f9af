package io.judgeforge.simulator;

import java.util.Locale;

/**
 * The ten Themis scenarios as the simulator knows them (ids and names as in conf/scenarios.yaml),
 * plus GENERIC for a scenario name it does not recognise.
 */
enum ThemisScenario {
    CLOSE_QA("close_qa", "Close QA"),
    OPEN_QA("open_qa", "Open QA"),
    MATH_QA("math_qa", "Math-related QA"),
    CREATIVE_WRITING("creative_writing", "Creative writing"),
    PROFESSIONAL_WRITING("professional_writing", "Informative and professional writing"),
    REWRITING("rewriting", "Rewriting"),
    TRANSLATION("translation", "Translation"),
    READING_COMPREHENSION("reading_comprehension", "Reading comprehension and extraction"),
    ROLE_PLAYING("role_playing", "Role-playing"),
    PROGRAMMING("programming", "Programming-related"),
    GENERIC("generic", "Generic");

    private final String id;
    private final String displayName;

    ThemisScenario(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    String id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    /** Matches the display name or the id, ignoring case; anything else is GENERIC. */
    static ThemisScenario fromName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ThemisScenario scenario : values()) {
            if (scenario != GENERIC
                    && (scenario.displayName.toLowerCase(Locale.ROOT).equals(wanted) || scenario.id.equals(wanted))) {
                return scenario;
            }
        }
        return GENERIC;
    }
}

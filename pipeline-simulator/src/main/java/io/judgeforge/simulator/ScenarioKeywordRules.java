package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyword heuristic that stands in for a classifier's judgement. Rules are tried in priority
 * order because instructions mix signals: "Translate this Python comment" is a translation, and
 * "Rewrite this passage" is a rewrite even though "passage" also hints at reading comprehension.
 *
 * <p>The question writers use the same rules to keep reference terms that would trigger a rule out
 * of their templates, so the scenario a writer intended is the one the classifier recovers.
 */
final class ScenarioKeywordRules {
    private record Rule(ThemisScenario scenario, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            rule(ThemisScenario.TRANSLATION, "\\btranslat\\w*"),
            rule(
                    ThemisScenario.REWRITING,
                    "\\b(rewrit\\w*|paraphras\\w*|simplif\\w*|polish(es|ed|ing)?|proofread\\w*"
                            + "|summari[sz]e (this|the following))\\b"),
            rule(
                    ThemisScenario.PROGRAMMING,
                    "\\b(code|coding|function|functions|python|java|javascript|sql|programs?|programming"
                            + "|algorithms?|script|debug\\w*)\\b"),
            rule(
                    ThemisScenario.MATH_QA,
                    "\\b(calculat\\w*|compute|solve|equations?|how many|percent|percentage|probability"
                            + "|arithmetic)\\b"),
            rule(
                    ThemisScenario.READING_COMPREHENSION,
                    "(based on the (material|passage|text)|\\bextract\\w*|\\bpassage\\b|\\bthe material\\b)"),
            rule(
                    ThemisScenario.ROLE_PLAYING,
                    "(\\bact as\\b|\\bacting as\\b|\\bpretend\\w*|\\byou are an?\\b|\\brole[- ]?play\\w*"
                            + "|\\bimagine you are\\b|\\bin the role of\\b)"),
            rule(
                    ThemisScenario.CREATIVE_WRITING,
                    "\\b(poems?|poetry|story|stories|lyrics|slogans?|haiku|limerick|song|fairy tale)\\b"),
            rule(
                    ThemisScenario.PROFESSIONAL_WRITING,
                    "\\b(e-?mails?|reports?|proposals?|description|cover letter|memo|press release|resume)\\b"),
            rule(
                    ThemisScenario.OPEN_QA,
                    "(what do you think|\\badvice\\b|\\brecommend\\w*|\\bopinions?\\b|\\bsuggest\\w*"
                            + "|\\bshould i\\b)"));

    private static final String MATERIAL_BLOCK = "\n\nmaterial:\n";
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern OPERATOR = Pattern.compile("[+*/=%^×÷]");

    private ScenarioKeywordRules() {}

    private static Rule rule(ThemisScenario scenario, String regex) {
        return new Rule(scenario, Pattern.compile(regex));
    }

    /**
     * Every scenario whose rule fires, highest priority first, always ending with CLOSE_QA, the
     * fallback for factual questions without any marker word.
     */
    static List<ThemisScenario> candidates(String instruction) {
        String text = instruction.toLowerCase(Locale.ROOT);
        List<ThemisScenario> result = new ArrayList<>();
        // A question that comes with its material is about that material, as a reader would see it; the
        // material's own words (numbers, "translated", "code") say nothing about the task.
        int material = text.indexOf(MATERIAL_BLOCK);
        if (material >= 0) {
            text = text.substring(0, material);
            result.add(ThemisScenario.READING_COMPREHENSION);
        }
        for (Rule rule : RULES) {
            boolean fires = rule.pattern().matcher(text).find();
            if (!fires && rule.scenario() == ThemisScenario.MATH_QA) {
                fires = isNumberHeavy(text);
            }
            if (fires) {
                result.add(rule.scenario());
            }
        }
        result.add(ThemisScenario.CLOSE_QA);
        return result;
    }

    /** True when any rule fires on the text; used to keep such words out of the writers' terms. */
    static boolean triggersAnyRule(String text) {
        return candidates(text).size() > 1;
    }

    /** Arithmetic problems are full of numbers; a date or two in a history question is not enough. */
    private static boolean isNumberHeavy(String text) {
        int numbers = 0;
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers++;
        }
        return numbers >= 4 || (numbers >= 2 && OPERATOR.matcher(text).find());
    }
}

package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers classify.txt with {@code Scenario: [[id]]}, choosing by {@link ScenarioKeywordRules}. Only
 * ids offered in the prompt's list are ever answered, and a small share of answers is deliberately
 * wrong, so the pipeline's handling of classifier noise gets exercised.
 */
final class ScenarioLabelWriter {
    static final double NOISE_PROBABILITY = 0.05;
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*[-*]\\s*([A-Za-z0-9_.-]+)\\s*:");

    private ScenarioLabelWriter() {}

    static String write(String prompt, SplittableRandom random) {
        List<String> offered = offeredIds(prompt);
        String instruction = PromptSections.between(prompt, "[Instruction Begin]", "[Instruction End]")
                .orElse("");
        String id = choose(instruction, offered);
        // The noise draw happens on every call, so whether an answer is noisy does not depend on the list.
        boolean noisy = random.nextDouble() < NOISE_PROBABILITY;
        if (noisy && offered.size() > 1) {
            List<String> others = new ArrayList<>(offered);
            others.remove(id);
            id = others.get(random.nextInt(others.size()));
        }
        return "Scenario: [[" + id + "]]";
    }

    static List<String> offeredIds(String prompt) {
        String list = PromptSections.between(prompt, PromptKindDetector.SCENARIO_LIST_BEGIN, "[Scenario List End]")
                .orElse("");
        List<String> ids = new ArrayList<>();
        Matcher matcher = LIST_ITEM.matcher(list);
        while (matcher.find()) {
            if (!ids.contains(matcher.group(1))) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    /**
     * The highest-priority rule whose scenario is on offer. With no parseable list there is nothing to
     * respect, so the heuristic's own first choice is answered.
     */
    static String choose(String instruction, List<String> offered) {
        List<ThemisScenario> candidates = ScenarioKeywordRules.candidates(instruction);
        if (offered.isEmpty()) {
            return candidates.get(0).id();
        }
        for (ThemisScenario candidate : candidates) {
            if (offered.contains(candidate.id())) {
                return candidate.id();
            }
        }
        return offered.get(0);
    }
}

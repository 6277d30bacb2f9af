package io.judgeforge.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Answers generate-quiz.txt: writes N quiz questions that name the spec's topic and task, phrased
 * the way questions of the scenario usually are (numbers for math, code for programming, the
 * material for reading comprehension).
 */
final class QuizQuestionWriter {
    static final int DEFAULT_COUNT = 5;

    /** Slots of the quiz templates; {@code term} and {@code quote} come from the material if any. */
    private record QuizSlots(QuizSpec spec, String term, String quote, int a, int b, int c) {}

    private static final Map<ThemisScenario, List<Function<QuizSlots, String>>> TEMPLATES =
            new EnumMap<>(ThemisScenario.class);

    static {
        TEMPLATES.put(
                ThemisScenario.MATH_QA,
                List.of(
                        s -> "Solve this " + s.spec().difficulty() + " "
                                + s.spec().topic() + " problem (task: "
                                + s.spec().task() + "): if " + s.a() + "x + " + s.b() + " = " + s.c()
                                + ", what is the value of x?",
                        s -> "Calculate the answer to this " + s.spec().topic() + " question for "
                                + s.spec().audience()
                                + " (task: " + s.spec().task() + "): a shop sells " + s.a() + " notebooks at " + s.b()
                                + " dollars each. How much do they cost in total?",
                        s -> "Calculate the area and the perimeter of a rectangle that is " + s.a() + " cm long and "
                                + s.b() + " cm wide, as a " + s.spec().topic() + " exercise (task: "
                                + s.spec().task() + ").",
                        s -> "Solve step by step, as a " + s.spec().topic() + " exercise (task: "
                                + s.spec().task() + "): a train travels " + s.a() * 10 + " km in " + s.b()
                                + " hours. What is its average speed?",
                        s -> "In a " + s.spec().topic() + " class, " + s.a() + " students each solve " + s.b()
                                + " problems. Calculate how many problems they solve in total (task: "
                                + s.spec().task() + ")."));
        TEMPLATES.put(
                ThemisScenario.PROGRAMMING,
                List.of(
                        s -> "Write a Python function for a " + s.spec().topic()
                                + " problem that does the following task: "
                                + s.spec().task() + ". Test it on a list of " + s.a() + " items.",
                        s -> "Explain what this code does in the context of "
                                + s.spec().topic() + ", then adapt it to the task \""
                                + s.spec().task() + "\": def pick(items): return sorted(set(items))[:" + s.a() + "]",
                        s -> "Write a Python function that solves this "
                                + s.spec().difficulty() + " " + s.spec().topic() + " task: "
                                + s.spec().task() + ". Handle empty input and keep it under " + s.b() * 5 + " lines.",
                        s -> "Find and fix the bug in this " + s.spec().topic() + " code so that it fulfils the task \""
                                + s.spec().task() + "\": total = 0; for i in range(1, len(xs)): total += xs[i] * "
                                + s.a()));
        TEMPLATES.put(
                ThemisScenario.READING_COMPREHENSION,
                List.of(
                        s -> "Based on the material, complete this task about "
                                + s.spec().topic() + ": " + s.spec().task() + ".",
                        s -> "Extract every mention of " + s.term()
                                + " from the material and explain how it relates to "
                                + s.spec().topic() + " (task: " + s.spec().task() + ").",
                        s -> "Summarize the material in three sentences for "
                                + s.spec().audience() + ", focusing on "
                                + s.spec().topic() + " (task: " + s.spec().task() + ").",
                        s -> "Based on the material, what does it say about " + s.term() + "? Answer with "
                                + s.spec().topic() + " in mind (task: "
                                + s.spec().task() + ")."));
    }

    /** Reading comprehension without a material block has to bring its own passage to stay solvable. */
    private static final List<Function<QuizSlots, String>> READING_WITHOUT_MATERIAL = List.of(
            s -> "Read the following passage about " + s.spec().topic() + " and complete the task ("
                    + s.spec().task() + "): \"" + s.quote() + "\"",
            s -> "Based on the passage below, answer for " + s.spec().audience() + " (topic: "
                    + s.spec().topic() + "; task: " + s.spec().task() + "). Passage: \"" + s.quote() + "\"",
            s -> "Extract the main claims about " + s.spec().topic() + " from this passage (task: "
                    + s.spec().task() + "): \"" + s.quote() + "\"");

    private QuizQuestionWriter() {}

    static String write(String prompt, SplittableRandom random) {
        int count = PromptSections.requestedCount(prompt, DEFAULT_COUNT);
        ThemisScenario scenario = PromptSections.scenarioName(prompt)
                .map(ThemisScenario::fromName)
                .orElse(ThemisScenario.GENERIC);
        QuizSpec spec = QuizSpec.parse(prompt);
        SalientText material = spec.material().map(SalientText::of).orElse(null);
        List<String> terms = material == null || material.terms().isEmpty() ? List.of(spec.topic()) : material.terms();
        List<String> quotes =
                material == null || material.quotes().isEmpty() ? List.of(syntheticPassage(spec)) : material.quotes();
        int offset = random.nextInt(60);
        List<String> items = NumberedList.distinctItems(
                count,
                attempt -> question(scenario, spec, material != null, terms, quotes, offset + attempt, random),
                (base, n) -> base + " Give " + (n + 1) + " worked examples in your answer.");
        return NumberedList.format(items);
    }

    private static String question(
            ThemisScenario scenario,
            QuizSpec spec,
            boolean hasMaterial,
            List<String> terms,
            List<String> quotes,
            int index,
            SplittableRandom random) {
        int a = 2 + random.nextInt(18);
        int b = 2 + random.nextInt(18);
        int x = 2 + random.nextInt(11);
        QuizSlots slots = new QuizSlots(
                spec, terms.get(index % terms.size()), quotes.get(index % quotes.size()), a, b, a * x + b);
        List<Function<QuizSlots, String>> templates = scenario == ThemisScenario.READING_COMPREHENSION && !hasMaterial
                ? READING_WITHOUT_MATERIAL
                : TEMPLATES.get(scenario);
        String question;
        if (templates != null) {
            question = templates.get(index % templates.size()).apply(slots);
        } else {
            // The other scenarios are normally synthesized from references; their reference patterns, fed
            // with the topic, still read as questions of the scenario.
            TemplateSlots generic =
                    ReferenceQuestionWriter.slots(List.of(spec.topic(), spec.subject()), quotes, index, index, random);
            List<Function<TemplateSlots, String>> reference = InstructionTemplates.forScenario(scenario);
            question = reference.get(index % reference.size()).apply(generic) + " Task: " + spec.task() + ".";
        }
        if (hasMaterial && !question.contains("material")) {
            question = "Based on the material, " + lowerFirstWord(question);
        }
        return PromptSections.oneLine(question);
    }

    private static String syntheticPassage(QuizSpec spec) {
        return "The study of " + spec.topic() + " is a central part of " + spec.subject() + ". Researchers collect "
                + "evidence about " + spec.topic() + ", compare competing explanations, and share their findings with "
                + spec.audience() + ".";
    }

    /** "Write a ..." becomes "write a ...", but "I am ..." keeps its capital. */
    private static String lowerFirstWord(String question) {
        if (question.startsWith("I ")) {
            return question;
        }
        return question.substring(0, 1).toLowerCase(Locale.ROOT) + question.substring(1);
    }
}

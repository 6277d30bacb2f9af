package io.judgeforge.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Instruction patterns per scenario, each containing the words a reader (or the keyword classifier)
 * associates with that scenario. Every pattern is at least eight words before filling, and no longer
 * than about twenty, so a filled instruction stays within the 8-60 words the brief asks for.
 */
final class InstructionTemplates {
    private static final Map<ThemisScenario, List<Function<TemplateSlots, String>>> TEMPLATES =
            new EnumMap<>(ThemisScenario.class);

    static {
        TEMPLATES.put(
                ThemisScenario.CLOSE_QA,
                List.of(
                        s -> "What is " + s.term() + ", and what are the key facts that define it?",
                        s -> "When did " + s.term() + " first become important, and which events shaped its history?",
                        s -> "Which facts link " + s.term() + " to " + s.otherTerm()
                                + ", and how are the two connected?",
                        s -> "Who or what is " + s.term() + ", and why is it considered significant?",
                        s -> "What is the relationship between " + s.term() + " and " + s.otherTerm()
                                + "? Give the main facts."));
        TEMPLATES.put(
                ThemisScenario.OPEN_QA,
                List.of(
                        s -> "What do you think about " + s.term() + ", and why might people disagree about it?",
                        s -> "What advice would you give to someone who wants to learn more about " + s.term() + "?",
                        s -> "Can you recommend a few good ways to get started with " + s.term() + " and "
                                + s.otherTerm() + "?",
                        s -> "What is your opinion on how " + s.term() + " affects " + s.otherTerm()
                                + " in everyday life?",
                        s -> "I am curious about " + s.term()
                                + ". What advice would you offer a beginner, and what should they avoid?"));
        TEMPLATES.put(
                ThemisScenario.MATH_QA,
                List.of(
                        s -> "A study of " + s.term() + " involved " + s.a() + " groups of " + s.b()
                                + " people each. Calculate how many people took part in total.",
                        s -> "If interest in " + s.term() + " grows by " + s.b()
                                + " percent per year from a starting level of " + s.a() * 10
                                + " units, calculate the level after two years.",
                        s -> "Solve this problem: an exhibition on " + s.term() + " sold " + s.a()
                                + " tickets on Monday and " + s.c()
                                + " on Tuesday. How many tickets were sold in total?",
                        s -> "Solve for x: a survey about " + s.term() + " found that " + s.a() + "x + " + s.b() + " = "
                                + s.c() + ". What is the value of x?",
                        s -> "How many pages about " + s.term() + " can a student read in " + s.a() + " hours at "
                                + s.b() + " pages per hour? Calculate the total."));
        TEMPLATES.put(
                ThemisScenario.CREATIVE_WRITING,
                List.of(
                        s -> "Write a short poem about " + s.term() + " that captures its mood and atmosphere.",
                        s -> "Write a short story in which " + s.term() + " and " + s.otherTerm()
                                + " play a central role.",
                        s -> "Compose song lyrics inspired by " + s.term()
                                + ", with a chorus that repeats a memorable line.",
                        s -> "Write a catchy slogan and a two-line tagline for an event celebrating " + s.term() + ".",
                        s -> "Write a short story for children that introduces " + s.term()
                                + " in a playful, imaginative way."));
        TEMPLATES.put(
                ThemisScenario.PROFESSIONAL_WRITING,
                List.of(
                        s -> "Write a professional email to a colleague outlining the key points about " + s.term()
                                + " and " + s.otherTerm() + ".",
                        s -> "Write a short report on " + s.term()
                                + " for a business audience, ending with a clear conclusion.",
                        s -> "Write a product description for a new service inspired by " + s.term()
                                + ", aimed at professional customers.",
                        s -> "Draft a formal proposal to fund a project on " + s.term()
                                + ", including goals, budget and timeline.",
                        s -> "Write a cover letter for a job that requires solid knowledge of " + s.term() + " and "
                                + s.otherTerm() + "."));
        TEMPLATES.put(
                ThemisScenario.REWRITING,
                List.of(
                        s -> "Rewrite this passage in simpler words so that a teenager can understand it: \""
                                + s.quote() + "\"",
                        s -> "Paraphrase the following sentence so that it sounds more formal: \"" + s.quote() + "\"",
                        s -> "Polish the wording of this text and fix any awkward phrasing: \"" + s.quote() + "\"",
                        s -> "Summarize this passage in one short sentence for a busy reader: \"" + s.quote() + "\"",
                        s -> "Rewrite the following text in a friendly, conversational tone: \"" + s.quote() + "\""));
        TEMPLATES.put(
                ThemisScenario.TRANSLATION,
                List.of(
                        s -> "Translate the following sentence into " + s.language() + ": \"" + s.quote() + "\"",
                        s -> "Please translate this text into " + s.language() + ", keeping the original tone: \""
                                + s.quote() + "\"",
                        s -> "How would you translate this passage into natural " + s.language() + "? \"" + s.quote()
                                + "\"",
                        s -> "Translate into " + s.language() + " and keep every name unchanged: \"" + s.quote()
                                + "\""));
        TEMPLATES.put(
                ThemisScenario.READING_COMPREHENSION,
                List.of(
                        s -> "Read the following passage and extract the names, places and dates it mentions: \""
                                + s.quote() + "\"",
                        s -> "Based on the material below, what is the main point about " + s.term() + "? Material: \""
                                + s.quote() + "\"",
                        s -> "Extract the key facts about " + s.term() + " from this passage and list them: \""
                                + s.quote() + "\"",
                        s -> "Based on the material below, which keywords best capture its topic? Material: \""
                                + s.quote() + "\""));
        TEMPLATES.put(
                ThemisScenario.ROLE_PLAYING,
                List.of(
                        s -> "Act as a " + s.role() + " and explain " + s.term() + " to a group of curious visitors.",
                        s -> "Pretend you are a " + s.role() + " who has worked with " + s.term()
                                + " for decades, and answer a newcomer's questions about it.",
                        s -> "You are a " + s.role() + ". Stay in character and tell me what " + s.term()
                                + " means to you and your work.",
                        s -> "Act as a " + s.role() + " giving a short, lively talk about " + s.term() + " and "
                                + s.otherTerm() + "."));
        TEMPLATES.put(
                ThemisScenario.PROGRAMMING,
                List.of(
                        s -> "Write a Python function that stores key facts about " + s.term()
                                + " in a dictionary and prints them neatly.",
                        s -> "Write a small program that counts how often the phrase \"" + s.term()
                                + "\" appears in a text file.",
                        s -> "Explain with code how an algorithm could sort a list of records about " + s.term()
                                + " by date.",
                        s -> "Write a SQL query that finds every article mentioning " + s.term() + " and "
                                + s.otherTerm() + " in a table called articles."));
        TEMPLATES.put(
                ThemisScenario.GENERIC,
                List.of(
                        s -> "Tell me about " + s.term() + " and why it matters in relation to " + s.otherTerm() + ".",
                        s -> "Give me an overview of " + s.term() + ", covering its background and its importance.",
                        s -> "What should everyone know about " + s.term() + " and its connection to " + s.otherTerm()
                                + "?"));
    }

    static final List<String> LANGUAGES =
            List.of("French", "German", "Spanish", "Italian", "Portuguese", "Japanese", "Chinese");
    static final List<String> ROLES = List.of(
            "tour guide",
            "museum curator",
            "veteran journalist",
            "history teacher",
            "field scientist",
            "ship captain",
            "detective",
            "village librarian");

    private InstructionTemplates() {}

    static List<Function<TemplateSlots, String>> forScenario(ThemisScenario scenario) {
        return TEMPLATES.get(scenario);
    }
}

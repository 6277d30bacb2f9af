package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a benchmark as the judge needs it: {@code id}, {@code scenario} (optional), {@code instruction}, and
 * pointwise {@code response} with an optional {@code reference}, pairwise {@code response1} and {@code response2}.
 * Other columns (the human label among them) are ignored here.
 *
 * <p>Everything is checked before the first call, since a defect found halfway would have been paid for: a missing
 * id or column stops at its line, and scenarios that are not catalog ids are reported all at once. A present but
 * empty response is kept: an empty answer is still an answer a judge can grade.
 */
final class JudgeBenchReader {
    static final String ROLE = "benchmark";

    private JudgeBenchReader() {}

    /**
     * The rows to judge, in file order.
     *
     * @param fallbackScenario the catalog id for rows whose scenario is absent or not a catalog id; null = none, and
     *     then such rows are an error
     * @throws ConfigException naming the file, line and id of the first bad row, or listing every unknown scenario
     */
    static List<JudgeItem> read(
            TableReader.Source source, String bench, EvalMode mode, ScenarioCatalog catalog, String fallbackScenario) {
        List<String> known = catalog.scenarios().stream().map(Scenario::id).toList();
        if (fallbackScenario != null && catalog.find(fallbackScenario).isEmpty()) {
            throw ConfigException.invalid(
                    "--judge-scenario", fallbackScenario, "one of the catalog's scenario ids " + known);
        }
        List<JudgeItem> items = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        // Unknown scenario value ("" for none) -> the lines that carry it, so one message can list them all.
        Map<String, List<Long>> unknown = new LinkedHashMap<>();
        for (TableReader.Row row : source.read(bench, ROLE)) {
            Map<String, String> fields = row.fields();
            // Duplicates are checked here too, not only by the meta-evaluation afterwards: both rows would have been
            // paid for.
            String id = EvalInputReader.id(row, bench, ROLE, lines);
            String instruction = fields.get("instruction");
            if (instruction == null || instruction.isBlank()) {
                throw TableReader.lineError(
                        ROLE,
                        bench,
                        row.line(),
                        "no 'instruction' for id '" + id + "'; the judge prompt" + " needs it (columns: "
                                + columns(mode) + ")");
            }
            List<String> responses = new ArrayList<>();
            for (String column : mode == EvalMode.PAIRWISE ? List.of("response1", "response2") : List.of("response")) {
                String response = fields.get(column);
                if (response == null) {
                    throw TableReader.lineError(
                            ROLE,
                            bench,
                            row.line(),
                            "no '" + column + "' for id '" + id + "'; " + mode.label() + " judging needs the columns "
                                    + columns(mode));
                }
                responses.add(response);
            }
            String reference = mode == EvalMode.POINTWISE ? fields.get("reference") : null;
            String scenario =
                    fields.get("scenario") == null ? "" : fields.get("scenario").strip();
            if (catalog.find(scenario).isEmpty()) {
                if (fallbackScenario == null) {
                    unknown.computeIfAbsent(scenario, s -> new ArrayList<>()).add(row.line());
                    continue;
                }
                scenario = fallbackScenario;
            }
            items.add(new JudgeItem(
                    id, scenario, instruction, reference == null || reference.isBlank() ? null : reference, responses));
        }
        if (!unknown.isEmpty()) {
            throw unknownScenarios(bench, unknown, known);
        }
        if (items.isEmpty()) {
            throw new ConfigException("Cannot read " + ROLE + " file " + bench + ": it has no rows");
        }
        return items;
    }

    private static String columns(EvalMode mode) {
        return mode == EvalMode.PAIRWISE
                ? "id, instruction, response1, response2, optional scenario"
                : "id, instruction, response, optional reference and scenario";
    }

    // The judge prompt is written for a scenario's criteria, so a guessed scenario would grade against the wrong ones.
    private static ConfigException unknownScenarios(String bench, Map<String, List<Long>> unknown, List<String> known) {
        List<String> found = new ArrayList<>();
        unknown.forEach((value, at) -> found.add((value.isEmpty() ? "no scenario" : "'" + value + "'") + " ("
                + (at.size() == 1 ? "line " + at.get(0) : at.size() + " rows, first on line " + at.get(0)) + ")"));
        return new ConfigException(
                "Cannot judge " + ROLE + " file " + bench + ": rows whose scenario is not a scenario id"
                        + " of the catalog: " + String.join(", ", found) + ". The catalog's ids are " + known
                        + ". Put one of them in"
                        + " the 'scenario' column, or give --judge-scenario ID to judge those rows as that scenario.");
    }
}

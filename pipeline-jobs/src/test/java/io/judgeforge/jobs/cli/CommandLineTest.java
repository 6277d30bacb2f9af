package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.jobs.stage.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of the command line; none of these start Spark. */
class CommandLineTest {
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {
            "run",
            "generate",
            "classify",
            "respond",
            "judge",
            "score",
            "select",
            "augment",
            "export",
            "sim-server",
            "validate-conf",
            "meta-eval",
            "bench",
            "cassette",
            "replay-server"
        }) {
            Outcome o = run(command, "--help");
            assertEquals(0, o.code(), command);
            assertTrue(o.out().startsWith("Usage: judgeforge " + command), o.out());
        }
    }

    @Test
    void runThenEveryStageOfThePipelineInOrderThenTheTools() {
        List<String> expected = new ArrayList<>(List.of("run"));
        Pipeline.STAGES.forEach(stage -> expected.add(stage.name()));
        expected.addAll(
                List.of("refresh", "sim-server", "validate-conf", "meta-eval", "cassette", "replay-server", "bench"));
        assertEquals(
                expected, new ArrayList<>(Main.commandLine().getSubcommands().keySet()));
    }

    @Test
    void everyStageCommandTakesTheFlagsOfRunButDryRun() {
        var commands = Main.commandLine().getSubcommands();
        List<String> runFlags = new ArrayList<>(
                commands.get("run").getCommandSpec().optionsMap().keySet());
        runFlags.remove("--dry-run");
        for (Pipeline.Stage stage : Pipeline.STAGES) {
            assertEquals(
                    runFlags,
                    new ArrayList<>(commands.get(stage.name())
                            .getCommandSpec()
                            .optionsMap()
                            .keySet()),
                    stage.name());
        }
        String judge = run("judge", "--help").out();
        assertTrue(
                judge.startsWith("Usage: judgeforge judge [-hV] [--verbose] --conf=FILE [--out=DIR] [--run-id=ID]"),
                judge);
        assertTrue(
                judge.contains("\nGrade the answers with the teacher: single, reference-guided, pairwise.\n"), judge);
    }

    @Test
    void anUnknownFlagIsOneLineNamingItWithExitCode2() {
        Outcome o = run("run", "--conf", "../conf/local.yaml", "--frobnicate");
        assertEquals(2, o.code());
        assertEquals(
                "run: Unknown option: '--frobnicate' (see 'judgeforge run --help')",
                o.err().strip());
        assertEquals(
                "run: Unknown option: '--frobnicate' (see 'judgeforge run --help')",
                run("run", "--frobnicate").err().strip());
    }

    @Test
    void refreshRefusesAFixedRunIdOrALeaseTooShortInOneLineBeforeAnyRun() {
        Outcome id =
                run("refresh", "--conf", "../conf/local.yaml", "--out", "target/refresh-refused", "--set", "run.id=x");
        assertEquals(2, id.code());
        assertEquals(
                "refresh: Invalid value for 'run.id': 'x' (a refresh starts a new run each time; leave run.id empty)",
                id.err().strip());
        Outcome lease = run("refresh", "--conf", "../conf/local.yaml", "--set", "refresh.lock-lease-ms=10");
        assertEquals(2, lease.code());
        assertTrue(
                lease.err().strip().startsWith("refresh: Invalid value for 'refresh.lock-lease-ms': 10"), lease.err());
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("target/refresh-refused")));
    }

    @Test
    void simServerHandsItsFlagsToTheSimulatorWhichNamesAnUnusableOne() {
        Outcome rate = run("sim-server", "--port", "0", "--fault-500", "2");
        assertEquals(2, rate.code());
        assertEquals(
                "sim-server: Invalid value for '--fault-500': 2.0 (expected a rate from 0 to 1)"
                        + " (see 'judgeforge sim-server --help')",
                rate.err().strip());
        Outcome unknown = run("sim-server", "--frobnicate");
        assertEquals(2, unknown.code());
        assertEquals(
                "sim-server: Unknown option: '--frobnicate' (see 'judgeforge sim-server --help')",
                unknown.err().strip());
        assertTrue(run("sim-server", "--help").out().contains("--fault-malformed"));
    }

    @Test
    void configErrorsAreOneLineNamingTheKeyWithExitCode2() {
        Outcome key = run("validate-conf", "--conf", "../conf/local.yaml", "--set", "judge.colour=blue");
        assertEquals(2, key.code());
        assertEquals(
                "validate-conf: Unknown config key 'judge.colour' (every key is listed in conf/defaults.yaml)",
                key.err().strip());
        Outcome value = run("generate", "--conf", "../conf/local.yaml", "--set", "spark.partitions=-1");
        assertEquals(2, value.code());
        assertEquals(
                "generate: Invalid value for 'spark.partitions': -1 (expected an integer >= 1)",
                value.err().strip());
        Outcome missing = run("run", "--conf", "no-such.yaml");
        assertEquals(2, missing.code());
        assertEquals("run: Config file not found: no-such.yaml", missing.err().strip());
    }

    @Test
    void aMissingKeyVariableIsFoundBeforeAnythingRuns() {
        Outcome o = run(
                "validate-conf",
                "--conf",
                "../conf/local.yaml",
                "--set",
                "endpoints.sim.api-key-env=JF_SURELY_UNSET_KEY");
        assertEquals(2, o.code());
        assertEquals(
                "validate-conf: The environment variable 'JF_SURELY_UNSET_KEY' named by 'endpoints.sim.api-key-env' is not set",
                o.err().strip());
    }

    @Test
    void quotasMustNameCatalogScenarios() {
        Outcome o = run("validate-conf", "--conf", "../conf/local.yaml", "--set", "generate.quotas.poetry=5");
        assertEquals(2, o.code());
        assertTrue(
                o.err()
                        .startsWith(
                                "validate-conf: Unknown config key 'generate.quotas.poetry' (not a scenario of the catalog"),
                o.err());
    }

    @Test
    void aStageOnAnUnknownRunIsOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) throws Exception {
        java.nio.file.Files.createDirectories(out.resolve("runs/some-run"));
        Outcome o = run("classify", "--conf", "../conf/local.yaml", "--out", out.toString(), "--run-id", "no-such-run");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().strip().startsWith("classify: No run 'no-such-run' under "), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void validateConfDescribesTheRunWithoutCallingAnything() {
        Outcome o = run("validate-conf", "--conf", "../conf/local.yaml");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("scenarios: 10, criteria: 81"), o.out());
        assertTrue(o.out().contains("answer pool: [sim-6b, sim-13b, sim-34b, sim-72b, sim-gpt-3.5]"), o.out());
    }
}

package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.jobs.cli.CommandLineTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's bad input does to the command line: a folder where a file is expected and an empty input are one
 * line naming the key, and a failure's stack trace stays off the terminal unless asked for. None of these start Spark.
 */
class BadInputCommandLineTest {
    static final String CONF = "../conf/local.yaml";

    @TempDir
    Path dir;

    static void assertOneLine(Outcome o, int code, String... parts) {
        assertEquals(code, o.code(), o.out() + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        for (String part : parts) {
            assertTrue(o.err().contains(part), part + " in: " + o.err());
        }
    }

    @Test
    void aFolderWhereAFileIsExpectedIsOneLineNamingTheKeyAndThePath() {
        String folder = dir.toString();
        // Before, each of these was exit 1 and a 26-line trace from Hadoop: "Cannot read ... (Is a directory)".
        assertOneLine(
                CommandLineTest.run("validate-conf", "--conf", folder),
                Main.USAGE,
                "validate-conf: Invalid value for '--conf': ",
                folder + " is a folder, not a file");
        assertOneLine(CommandLineTest.run("run", "--conf", folder), Main.USAGE, "'--conf'", "is a folder, not a file");
        for (String key : List.of("inputs.seeds", "catalog", "augment.paraphrases")) {
            List<String> set = key.equals("augment.paraphrases")
                    ? List.of("--set", key + "=" + folder, "--set", "augment.paraphrase=0.5")
                    : List.of("--set", key + "=" + folder);
            for (String command : List.of("validate-conf", "generate", "judge")) {
                List<String> args = new java.util.ArrayList<>(List.of(command, "--conf", CONF));
                args.addAll(set);
                assertOneLine(
                        CommandLineTest.run(args.toArray(String[]::new)),
                        Main.USAGE,
                        command + ": Invalid value for '" + key + "': ",
                        folder + " is a folder, not a file");
            }
        }
    }

    @Test
    void anEmptyInputThatAScenarioNeedsFailsAndOneNothingNeedsIsAWarning() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        // Before, both passed as "config OK".
        assertOneLine(
                CommandLineTest.run("validate-conf", "--conf", CONF, "--set", "inputs.seeds=" + empty),
                Main.USAGE,
                "validate-conf: Invalid value for 'inputs.seeds': ",
                empty + " is empty, and scenario 'close_qa' (quota 12) shows 2 seed instructions in each call"
                        + " (generate.seed-examples)");
        assertOneLine(
                CommandLineTest.run("run", "--dry-run", "--conf", CONF, "--set", "inputs.references=" + empty),
                Main.USAGE,
                "run: Invalid value for 'inputs.references': ",
                empty + " is empty, and scenario '");
        // A nightly refresh whose references were emptied upstream would otherwise remove every passage's records.
        assertOneLine(
                CommandLineTest.run(
                        "refresh",
                        "--conf",
                        CONF,
                        "--out",
                        dir.resolve("out").toString(),
                        "--set",
                        "inputs.references=" + empty),
                Main.USAGE,
                "refresh: Invalid value for 'inputs.references': ",
                empty + " is empty, and scenario '");
        assertFalse(Files.exists(dir.resolve("out/datasets/.refresh.lock")), "stopped before taking the lock");

        Outcome unneeded = CommandLineTest.run(
                "validate-conf",
                "--conf",
                CONF,
                "--set",
                "inputs.references=" + empty,
                "--set",
                "inputs.seeds=" + empty,
                "--set",
                "generate.quota=0");
        assertEquals(0, unneeded.code(), unneeded.err());
        List<String> warnings =
                unneeded.out().lines().filter(l -> l.startsWith("warning:")).toList();
        assertEquals(
                List.of(
                        "warning: 'inputs.references' names an empty file, " + empty
                                + " (no scenario with a quota needs it)",
                        "warning: 'inputs.seeds' names an empty file, " + empty
                                + " (no scenario with a quota needs it)"),
                warnings);
    }

    @Test
    void aFailureIsOneLineOnTheTerminalAndItsStackTraceOnlyWithVerbose() {
        // A scheme without a file system: not a config error but a failure, and one that needs no Spark.
        String conf = "nosuchscheme://host/run.yaml";
        Outcome quiet = CommandLineTest.run("validate-conf", "--conf", conf);
        assertOneLine(quiet, 1, "validate-conf: failed: ", conf, "--verbose prints it here");
        assertFalse(quiet.err().contains("\tat "), quiet.err());

        for (List<String> args : List.of(
                List.of("--verbose", "validate-conf", "--conf", conf),
                List.of("validate-conf", "--conf", conf, "--verbose"))) {
            Outcome verbose = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(1, verbose.code(), verbose.err());
            assertTrue(
                    verbose.err().contains("\tat io.judgeforge."), "the stack trace, with --verbose: " + verbose.err());
        }
    }
}

package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    for (String command : new String[] {"run", "generate", "classify", "respond", "judge", "score", "select", "export",
        "sim-server", "validate-conf", "meta-eval", "bench"}) {
      Outcome o = run(command, "--help");
      assertEquals(0, o.code(), command);
      assertTrue(o.out().startsWith("Usage: judgeforge " + command), o.out());
    }
  }

  @Test
  void anUnknownFlagIsOneLineNamingItWithExitCode2() {
    Outcome o = run("run", "--conf", "../conf/local.yaml", "--frobnicate");
    assertEquals(2, o.code());
    assertEquals("run: Unknown option: '--frobnicate' (see 'judgeforge run --help')", o.err().strip());
    assertEquals("run: Unknown option: '--frobnicate' (see 'judgeforge run --help')", run("run", "--frobnicate").err().strip());
  }

  @Test
  void configErrorsAreOneLineNamingTheKeyWithExitCode2() {
    Outcome key = run("validate-conf", "--conf", "../conf/local.yaml", "--set", "judge.colour=blue");
    assertEquals(2, key.code());
    assertEquals("validate-conf: Unknown config key 'judge.colour' (every key is listed in conf/defaults.yaml)", key.err().strip());
    Outcome value = run("generate", "--conf", "../conf/local.yaml", "--set", "spark.partitions=-1");
    assertEquals(2, value.code());
    assertEquals("generate: Invalid value for 'spark.partitions': -1 (expected an integer >= 1)", value.err().strip());
    Outcome missing = run("run", "--conf", "no-such.yaml");
    assertEquals(2, missing.code());
    assertEquals("run: Config file not found: no-such.yaml", missing.err().strip());
  }

  @Test
  void validateConfDescribesTheRunWithoutCallingAnything() {
    Outcome o = run("validate-conf", "--conf", "../conf/local.yaml");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("scenarios: 10, criteria: 81"), o.out());
    assertTrue(o.out().contains("answer pool: [sim-6b, sim-13b, sim-34b, sim-72b, sim-gpt-3.5]"), o.out());
  }
}

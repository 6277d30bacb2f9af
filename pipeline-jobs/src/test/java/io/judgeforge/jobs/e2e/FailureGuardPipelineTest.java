package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.jobs.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that quarantines more than run.max-quarantined-share of its items stops the run with a
 * clear error: nothing is published, and what was done stays on disk with its reasons.
 */
@Tag("spark")
class FailureGuardPipelineTest {
  @Test
  void aFailingAnswerPoolStopsTheRunBeforeAnythingIsPublished(@TempDir Path out) throws Exception {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Main.execute(new String[] {"run", "--conf", "../conf/local.yaml", "--out", out.toString(),
        "--set", "generate.quota=1",
        "--set", "respond.pool=[{name: ghost, endpoint: sim, model: sim-does-not-exist, temperature: 0.5, max-tokens: 32}]"},
        new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertEquals(1, code, stdout + "\n" + stderr);
    assertTrue(stderr.toString().contains("Stage respond step answer-calls quarantined 10 of 10 items, over"
        + " run.max-quarantined-share 0.50; reasons {bad_request=10}"), stderr.toString());
    assertFalse(Files.exists(out.resolve("datasets/LATEST")), "nothing published");
    try (var runs = Files.list(out.resolve("runs"))) {
      Path run = runs.findFirst().orElseThrow();
      assertTrue(Files.exists(run.resolve("respond/quarantine")), "the failed items are kept with their reasons");
      assertTrue(Files.exists(run.resolve("respond/_report.json")));
    }
  }
}

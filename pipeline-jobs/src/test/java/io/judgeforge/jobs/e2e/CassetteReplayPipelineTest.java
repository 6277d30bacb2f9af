package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.cli.Main;
import io.judgeforge.teacher.cassette.Cassette;
import io.judgeforge.teacher.cassette.ReplayServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record a run, write its cassette, and replay the whole pipeline against a replay server with no
 * simulator and no response store: every request is found in the cassette and the published
 * shards are byte for byte the same.
 */
@Tag("spark")
class CassetteReplayPipelineTest {
    @Test
    void aReplayedRunPublishesTheSameShards(@TempDir Path dir) throws Exception {
        PipelineRuns.Run recorded = PipelineRuns.reference();
        Path cassette = dir.resolve("run.cassette.jsonl");
        StringWriter out = new StringWriter();
        assertEquals(
                0,
                Main.execute(
                        new String[] {
                            "cassette",
                            "--store",
                            recorded.out().resolve("store").toString(),
                            "--out",
                            cassette.toString()
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true)));
        long recordedCalls = recorded.manifest().at("/totals/calls").asLong();
        assertEquals(recordedCalls, Files.readAllLines(cassette).size(), "one line per paid request");

        try (ReplayServer replay = ReplayServer.start(Cassette.parse(Files.readAllLines(cassette), "run"), 0)) {
            PipelineRuns.Run replayed = PipelineRuns.run(
                    dir.resolve("replayed"),
                    "../conf/local.yaml",
                    "generate.quota=1",
                    "export.shard-records=20",
                    "simulator.start=false",
                    "endpoints.sim.base-url=" + replay.baseUrl(),
                    "store.enabled=false");
            assertEquals(recordedCalls, replay.served());
            assertEquals(0, replay.missing(), "every request of the replayed run was in the cassette");
            assertEquals(shards(recorded.manifest()), shards(replayed.manifest()));
        }
    }

    static List<String> shards(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        manifest.get("shards")
                .forEach(s ->
                        out.add(s.get("path").asText() + " " + s.get("sha256").asText()));
        assertTrue(!out.isEmpty());
        return out;
    }
}

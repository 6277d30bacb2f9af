package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** OpenAI's batch API (/v1/files, /v1/batches) over real HTTP, with its object shapes and faults. */
class BatchApiHttpTest {
    private static final OkHttpClient HTTP =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    private static String line(String customId, String question) {
        ObjectNode line = SimulatorJson.mapper().createObjectNode();
        line.put("custom_id", customId);
        line.put("method", "POST");
        line.put("url", "/v1/chat/completions");
        line.set("body", SimulatorClient.chatRequest("sim-13b", question));
        return SimulatorJson.write(line);
    }

    private static JsonNode upload(SimulatorServer server, String content) {
        RequestBody form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "batch")
                .addFormDataPart("file", "in.jsonl", RequestBody.create(content, MediaType.get("application/jsonl")))
                .build();
        return call(new Request.Builder()
                .url("http://127.0.0.1:" + server.port() + "/v1/files")
                .post(form)
                .build());
    }

    private static JsonNode call(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            String body = response.body().string();
            assertEquals(200, response.code(), body);
            return SimulatorJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> lines(SimulatorClient client, String fileId) {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : client.get("/v1/files/" + fileId + "/content").body().split("\n")) {
            try {
                lines.add(SimulatorJson.mapper().readTree(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static JsonNode create(SimulatorClient client, String fileId) {
        ObjectNode create = SimulatorJson.mapper().createObjectNode();
        create.put("input_file_id", fileId);
        create.put("endpoint", "/v1/chat/completions");
        create.put("completion_window", "24h");
        return client.post("/v1/batches", create).json();
    }

    /** Polls until the batch ends, returning every status it went through. */
    private static List<String> pollToEnd(SimulatorClient client, String batchId, JsonNode[] last) {
        List<String> statuses = new ArrayList<>();
        JsonNode batch;
        do {
            batch = client.get("/v1/batches/" + batchId).json();
            statuses.add(batch.get("status").asText());
        } while (!List.of("completed", "expired", "failed", "cancelled")
                .contains(batch.get("status").asText()));
        last[0] = batch;
        return statuses;
    }

    @Test
    void aBatchMovesThroughItsStatusesAndAnswersEachLineAsTheOnlineEndpointWould() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            JsonNode file = upload(server, line("a", "Name a river.") + "\n" + line("b", "Name a city.") + "\n");
            assertEquals("file", file.get("object").asText());
            assertEquals("batch", file.get("purpose").asText());
            assertEquals(
                    "in.jsonl",
                    client.get("/v1/files/" + file.get("id").asText())
                            .json()
                            .get("filename")
                            .asText());

            JsonNode created = create(client, file.get("id").asText());
            assertEquals("batch", created.get("object").asText());
            assertEquals("validating", created.get("status").asText());
            assertTrue(created.get("output_file_id").isNull());
            assertEquals(
                    created.get("created_at").asLong() + 86_400,
                    created.get("expires_at").asLong());

            JsonNode[] done = new JsonNode[1];
            assertEquals(
                    List.of("in_progress", "finalizing", "completed"),
                    pollToEnd(client, created.get("id").asText(), done));
            assertEquals(2, done[0].at("/request_counts/total").asInt());
            assertEquals(2, done[0].at("/request_counts/completed").asInt());
            assertEquals(0, done[0].at("/request_counts/failed").asInt());
            assertTrue(done[0].get("error_file_id").isNull());

            List<JsonNode> output = lines(client, done[0].get("output_file_id").asText());
            assertEquals(
                    List.of("a", "b"),
                    output.stream().map(l -> l.get("custom_id").asText()).toList());
            JsonNode online = client.post(
                            "/v1/chat/completions", SimulatorClient.chatRequest("sim-13b", "Name a river."))
                    .json();
            assertEquals(200, output.get(0).at("/response/status_code").asInt());
            assertEquals(online.get("choices"), output.get(0).at("/response/body/choices"), "the online answer");
            assertEquals(online.get("usage"), output.get(0).at("/response/body/usage"));
            assertTrue(output.get(0).get("error").isNull());
            JsonNode stats = client.get("/sim/stats").json();
            assertTrue(stats.toString().contains("POST /v1/batches"), stats.toString());
        }
    }

    @Test
    void theFirstBatchExpiresHalfDoneAndSomeLinesFailWithA500TheFirstTimeOnly() {
        SimulatorSettings settings =
                SimulatorSettings.defaults().withFaults(Faults.NONE.withBatch(new BatchFaults(true, 0.3)));
        try (SimulatorServer server = SimulatorServer.start(settings, 0)) {
            SimulatorClient client = new SimulatorClient(server);
            StringBuilder input = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                input.append(line("q" + i, "Question number " + i + "?")).append('\n');
            }
            JsonNode file = upload(server, input.toString());
            JsonNode[] first = new JsonNode[1];
            pollToEnd(client, create(client, file.get("id").asText()).get("id").asText(), first);
            assertEquals("expired", first[0].get("status").asText());
            List<JsonNode> errors = lines(client, first[0].get("error_file_id").asText());
            long expired = errors.stream()
                    .filter(l -> l.get("response").isNull()
                            && l.at("/error/code").asText().equals("batch_expired"))
                    .count();
            assertEquals(10, expired, "the second half of the lines");
            long failed = errors.stream()
                    .filter(l -> l.at("/response/status_code").asInt() == 500)
                    .count();
            assertTrue(failed > 0 && failed < 10, "some of the first half fail with a 500: " + failed);
            assertEquals(10 - failed, first[0].at("/request_counts/completed").asInt());
            assertEquals(10 + failed, first[0].at("/request_counts/failed").asInt());
            assertEquals(
                    "server_error",
                    errors.stream()
                            .filter(l -> l.at("/response/status_code").asInt() == 500)
                            .findFirst()
                            .orElseThrow()
                            .at("/response/body/error/type")
                            .asText());

            // The same file again: no second expiry, and a line that failed once gets through.
            JsonNode[] second = new JsonNode[1];
            pollToEnd(client, create(client, file.get("id").asText()).get("id").asText(), second);
            assertEquals("completed", second[0].get("status").asText());
            assertEquals(20, second[0].at("/request_counts/total").asInt());
            if (second[0].get("error_file_id").isTextual()) {
                for (JsonNode error :
                        lines(client, second[0].get("error_file_id").asText())) {
                    int index = Integer.parseInt(error.get("custom_id").asText().substring(1));
                    assertTrue(index >= 10, "only lines the expired half never ran may fail now: " + error);
                }
            }
            assertTrue(second[0].at("/request_counts/completed").asInt() >= 10);
        }
    }

    @Test
    void aBadFileFailsValidationWithOpenAisErrorList() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            JsonNode file = upload(server, line("a", "x") + "\n" + line("a", "y") + "\n");
            JsonNode[] end = new JsonNode[1];
            pollToEnd(client, create(client, file.get("id").asText()).get("id").asText(), end);
            assertEquals("failed", end[0].get("status").asText());
            assertEquals("duplicate_custom_id", end[0].at("/errors/data/0/code").asText());
            assertNull(end[0].get("output_file_id").textValue());
        }
    }

    @Test
    void vllmHasNoBatchApi() {
        SimulatorSettings settings =
                SimulatorSettings.defaults().withRealism(Realism.OFF.withErrorDialect(ErrorDialect.VLLM));
        try (SimulatorServer server = SimulatorServer.start(settings, 0)) {
            assertEquals(
                    404, new SimulatorClient(server).post("/v1/files", "{}").status());
        }
    }
}

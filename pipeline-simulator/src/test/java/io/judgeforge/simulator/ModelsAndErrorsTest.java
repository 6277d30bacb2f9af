package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsAndErrorsTest extends SimulatorHttpTest {
    @Test
    void serverBindsLoopbackOnAFreePort() {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/v1", server.baseUrl());
    }

    @Test
    void modelsListsEveryConfiguredModel() {
        SimulatorClient.Reply reply = client.get("/v1/models");

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"));
        JsonNode json = reply.json();
        assertEquals("list", json.get("object").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode model : json.get("data")) {
            ids.add(model.get("id").asText());
            assertEquals("model", model.get("object").asText());
            assertEquals("judgeforge-simulator", model.get("owned_by").asText());
        }
        assertEquals(List.copyOf(SimulatorSettings.defaults().models().keySet()), ids);
    }

    @Test
    void malformedJsonIs400InOpenAiShape() {
        SimulatorClient.Reply reply = client.post("/v1/chat/completions", "{\"model\": \"sim-6b\", \"messages\": [");

        assertEquals(400, reply.status());
        JsonNode error = reply.json().get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("invalid_json", error.get("code").asText());
        assertTrue(error.has("param") && error.get("param").isNull(), "param is an explicit null");
        assertTrue(error.get("message").asText().contains("not valid JSON"));
    }

    @Test
    void trailingGarbageAndNonObjectBodiesAre400() {
        assertEquals(
                400,
                client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"x\"} junk")
                        .status());
        assertEquals(400, client.post("/v1/completions", "[1, 2]").status());
        assertEquals(400, client.post("/v1/completions", "").status());
    }

    @Test
    void missingRequiredFieldsAre400NamingTheField() {
        assertMissing("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model");
        assertMissing("/v1/chat/completions", "{\"model\":\"sim-6b\"}", "messages");
        assertMissing("/v1/completions", "{\"model\":\"sim-6b\",\"max_tokens\":3}", "prompt");
    }

    @Test
    void invalidFieldValuesAre400() {
        assertEquals(
                400,
                client.post("/v1/chat/completions", "{\"model\":\"sim-6b\",\"messages\":[]}")
                        .status());
        assertEquals(
                400,
                client.post(
                                "/v1/chat/completions",
                                "{\"model\":\"sim-6b\",\"messages\":[{\"role\":\"user\",\"content\":5}]}")
                        .status());
        assertEquals(
                400,
                client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"x\",\"max_tokens\":-1}")
                        .status());
        assertEquals(
                400,
                client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"x\",\"echo\":\"yes\"}")
                        .status());
        assertEquals(
                400,
                client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"x\",\"stream\":true}")
                        .status());
    }

    @Test
    void unknownModelIs404ModelNotFound() {
        SimulatorClient.Reply chat = client.post(
                "/v1/chat/completions", "{\"model\":\"gpt-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        SimulatorClient.Reply text = client.post("/v1/completions", "{\"model\":\"gpt-5\",\"prompt\":\"hi\"}");

        for (SimulatorClient.Reply reply : List.of(chat, text)) {
            assertEquals(404, reply.status());
            JsonNode error = reply.json().get("error");
            assertEquals("model_not_found", error.get("code").asText());
            assertEquals("invalid_request_error", error.get("type").asText());
            assertEquals("model", error.get("param").asText());
            assertTrue(error.get("message").asText().contains("gpt-5"));
        }
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        SimulatorClient.Reply unknown = client.get("/v1/embeddings");
        assertEquals(404, unknown.status());
        assertEquals("unknown_url", unknown.json().at("/error/code").asText());

        // GET /v1/chat/completions lists stored completions (StoredCompletionsHttpTest); DELETE is not served.
        SimulatorClient.Reply wrongMethod = client.send("DELETE", "/v1/chat/completions");
        assertEquals(405, wrongMethod.status());
        assertEquals("method_not_allowed", wrongMethod.json().at("/error/code").asText());
        assertEquals(405, client.send("POST", "/v1/models").status());
        assertEquals(405, client.send("DELETE", "/v1/completions").status());
    }

    @Test
    void unknownRequestFieldsAreIgnored() {
        String body =
                "{\"model\":\"sim-6b\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a color.\",\"name\":\"u1\"}],"
                        + "\"temperature\":0.2,\"top_p\":0.9,\"frequency_penalty\":0,\"response_format\":{\"type\":\"text\"},"
                        + "\"user\":\"someone\",\"logit_bias\":{}}";

        assertEquals(200, client.post("/v1/chat/completions", body).status());
    }

    private static void assertMissing(String path, String body, String field) {
        SimulatorClient.Reply reply = client.post(path, body);
        assertEquals(400, reply.status(), reply.body());
        assertEquals(field, reply.json().at("/error/param").asText());
        assertEquals(
                "missing_required_parameter", reply.json().at("/error/code").asText());
    }
}

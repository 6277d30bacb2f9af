package io.judgeforge.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.testing.ScriptedEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys the driver read reach the executors' clients in the serialized tasks, and nowhere in text. */
class ApiKeysTest {
    // A variable no environment sets: the "executor" below cannot read the key from its own.
    static final String VARIABLE = "JF_DRIVER_ONLY_KEY_7c1e";

    static PipelineConfig config(String baseUrl) {
        return ConfigLoader.bind(
                ConfigLoader.tree(
                        "",
                        List.of(
                                "endpoints.remote.base-url=" + baseUrl,
                                "endpoints.remote.api-key-env=" + VARIABLE,
                                "teacher.endpoint=remote",
                                "teacher.model=m",
                                "score.endpoint=remote",
                                "score.model=m",
                                "respond.pool=[{name: a, endpoint: remote, model: m, temperature: 0.7, max-tokens: 16}]")),
                Map.of());
    }

    @Test
    void anExecutorWithoutTheVariableUsesTheKeyTheDriverRead() throws Exception {
        assertNull(System.getenv(VARIABLE));
        try (ScriptedEndpoint server = new ScriptedEndpoint()) {
            server.chat("ok");
            PipelineConfig config = config(server.baseUrl());
            ApiKeys keys = ApiKeys.read(config, v -> v.equals(VARIABLE) ? "sk-driver-side" : null);
            Endpoint endpoint = config.endpoint("remote");
            TeacherClients onDriver = new TeacherClients(
                    Map.of("remote", endpoint),
                    ResponseStore.Factory.NONE,
                    io.judgeforge.teacher.cost.Spending.NONE,
                    keys);

            TeacherClients onExecutor = roundTrip(onDriver);
            ChatResult r =
                    onExecutor.chat(new ModelCall("remote", "m", 0.0, 16), List.of(ChatMessage.user("hi")), "t@1");
            assertEquals(CallOutcome.OK, r.outcome(), r.error());
            assertEquals("Bearer sk-driver-side", server.authorization.get(0));
            assertFalse(keys.toString().contains("sk-driver-side"), keys.toString());
        }
    }

    @Test
    void anExecutorsOwnVariableComesFirst() {
        ApiKeys keys = ApiKeys.read(config("http://127.0.0.1:9/v1"), v -> "sk-driver");
        assertEquals("sk-executor", keys.environment(v -> "sk-executor").apply(VARIABLE));
        assertEquals("sk-driver", keys.environment(v -> null).apply(VARIABLE));
        assertNull(keys.environment(v -> null).apply("SOME_OTHER_VARIABLE"));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}

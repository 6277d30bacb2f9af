package io.judgeforge.jobs.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON text against the schemas in {@code data-schemas/}. A schema is named by its file
 * name without {@code .schema.json} ({@code "judgment"}, {@code "manifest"}); its {@code $id} is
 * {@code https://judgeforge.io/schemas/<name>.schema.json}, and that prefix is mapped to the folder,
 * so relative {@code $ref}s between schemas resolve to the files beside them. Compiled schemas are
 * cached.
 */
public final class JsonSchemas {
    public static final String ID_PREFIX = "https://judgeforge.io/schemas/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static volatile JsonSchemaFactory factory;

    private JsonSchemas() {}

    /** The violation messages of {@code json} against schema {@code schemaName}; empty when it is valid. */
    public static List<String> validate(String schemaName, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return validate(schemaName, node);
    }

    /** The violation messages of an already parsed document; empty when it is valid. */
    public static List<String> validate(String schemaName, JsonNode json) {
        return schema(schemaName).validate(json).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** The compiled schema {@code <name>.schema.json}. */
    public static JsonSchema schema(String schemaName) {
        return CACHE.computeIfAbsent(schemaName, name -> {
            JsonSchema schema = factory().getSchema(SchemaLocation.of(ID_PREFIX + name + ".schema.json"));
            schema.initializeValidators(); // resolve every $ref now, so a broken reference fails here
            return schema;
        });
    }

    /**
     * The schemas folder: {@code ../data-schemas} from the module folder (where Maven runs the tests),
     * or {@code data-schemas} from the repository root.
     */
    public static Path directory() {
        for (String candidate : List.of("../data-schemas", "data-schemas")) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No data-schemas folder from " + Path.of("").toAbsolutePath());
    }

    private static JsonSchemaFactory factory() {
        JsonSchemaFactory f = factory;
        if (f == null) {
            synchronized (JsonSchemas.class) {
                f = factory;
                if (f == null) {
                    String dirUri = directory().toUri().toString();
                    String target = dirUri.endsWith("/") ? dirUri : dirUri + "/";
                    f = JsonSchemaFactory.getInstance(
                            SpecVersion.VersionFlag.V202012,
                            builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, target)));
                    factory = f;
                }
            }
        }
        return f;
    }
}

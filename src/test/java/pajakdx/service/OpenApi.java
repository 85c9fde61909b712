package pajakdx.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pajakdx.TestRules;

/**
 * docs/openapi.yaml as a validator: each schema of its components validates JSON the service
 * really writes. The document is the only source: the schemas it embeds (Case, Diagnosis, with
 * their own $id) are resolved from it, never from the network.
 */
final class OpenApi {
    static final String BASE = "https://pajakdx.example/openapi.yaml";

    private static OpenApi instance;

    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApi(JsonNode doc) {
        this.doc = doc;
        ObjectMapper json = new ObjectMapper();
        JsonNode components = doc.get("components").get("schemas");
        Map<String, String> texts = Map.of(
                BASE, write(json, doc),
                components.get("Diagnosis").get("$id").asText(), write(json, components.get("Diagnosis")),
                components.get("Case").get("$id").asText(), write(json, components.get("Case")));
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(texts));
    }

    private static String write(ObjectMapper m, JsonNode n) {
        try {
            return m.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/openapi.yaml, read once. */
    static synchronized OpenApi get() {
        if (instance == null) {
            instance = new OpenApi(read(Files.exists(path()) ? path() : null));
        }
        return instance;
    }

    static Path path() {
        return TestRules.projectRoot().resolve("docs/openapi.yaml");
    }

    static JsonNode read(Path p) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parseYaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode doc() {
        return doc;
    }

    /** The validation errors of {@code node} against the component schema {@code name}; empty when valid. */
    List<String> errors(String name, JsonNode node) {
        if (!doc.get("components").get("schemas").has(name)) {
            throw new IllegalArgumentException("no schema " + name + " in docs/openapi.yaml");
        }
        Schema s = schemas.computeIfAbsent(name, n -> registry.getSchema(
                SchemaLocation.of(BASE + "#/components/schemas/" + n)));
        return s.validate(node).stream().map(Error::toString).toList();
    }
}

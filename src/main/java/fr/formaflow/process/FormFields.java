package fr.formaflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a Camunda Form (forms/&lt;id&gt;.form, form-js schema) lets its user fill in: keyed inputs, and dynamic
 * lists by their path. Groups without a path flatten into their parent, as form-js submits them. Read-only fields
 * show what Formaflow prepared; their values are never taken back.
 */
public final class FormFields {

    /** What a field accepts: one value, or rows (a dynamic list) and nested fields (a group with a path). */
    public enum Kind { VALUE, STRUCTURED }

    public record Field(String key, Kind kind, boolean readonly) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LIST_TYPES = Set.of("dynamiclist");

    private final String formId;
    private final Map<String, Field> fields;

    private FormFields(String formId, Map<String, Field> fields) {
        this.formId = formId;
        this.fields = Collections.unmodifiableMap(fields);
    }

    public static FormFields read(InputStream form) throws IOException {
        JsonNode root = JSON.readTree(form);
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        return new FormFields(root.path("id").asText(), fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            boolean readonly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
            if (LIST_TYPES.contains(type) || (component.has("path") && !component.path("path").asText().isEmpty())) {
                String path = component.path("path").asText();
                fields.put(path, new Field(path, Kind.STRUCTURED, readonly));
            } else if (component.has("components")) {
                collect(component.path("components"), fields);
            } else if (component.hasNonNull("key")) {
                String key = component.path("key").asText();
                fields.put(key, new Field(key, Kind.VALUE, readonly));
            }
        }
    }

    public String formId() {
        return formId;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    /** The fields a user may send: every declared field that is not read-only. */
    public Set<String> writable() {
        return fields.values().stream().filter(f -> !f.readonly()).map(Field::key).collect(Collectors.toUnmodifiableSet());
    }
}

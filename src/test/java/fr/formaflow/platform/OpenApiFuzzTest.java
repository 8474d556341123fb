package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.formaflow.FormaflowApplication;
import fr.formaflow.demo.DemoData;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.Mailbox;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 27: bad input must never end in a 500. Generated from Formaflow's OpenAPI description (/api-docs): every
 * operation under /api and /public is called with values built from its schemas, then with each string field at its
 * limit + 1 and at 100 000 characters, with Unicode tricks (right-to-left override, NUL, emoji, combining marks),
 * with nulls and with values of the wrong type, in the body, the path and the query. Every variant is sent as the
 * first demo user; the whole-body variants also anonymously and as each other demo role. Any 5xx fails the test,
 * with the list of calls that produced one.
 *
 * <p>The application runs in its own JVM (the own-engine-tests execution): the calls create and change data, which
 * the shared test context's other tests must not see. HTTP goes to loopback only.
 */
class OpenApiFuzzTest {

    static final String PASSWORD = "formaflow";
    static final String UNICODE = "é\u0301\u202Egnp.exe\u0000😀\u200B\uFEFF\u2028";
    static final String LONG = "a".repeat(100_000);

    static ConfigurableApplicationContext app;
    static WebClient http;
    static final ObjectMapper JSON = new ObjectMapper();

    /** An operation of the description: its parameters, its JSON or multipart body schema, its file parts. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode body, JsonNode multipart, List<String> files) {
    }

    /** One call: the user (null: anonymous), the path with its query, the JSON body or the multipart fields. */
    record Call(String user, String what, String path, String body, Map<String, String> fields) {
    }

    @BeforeAll
    static void start() {
        Mailbox.open();
        app = new SpringApplicationBuilder(FormaflowApplication.class).run("--spring.profiles.active=test", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:openapi-fuzz;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE,YEAR,MONTH",
                "--formaflow.demo.dossiers=true", "--spring.main.banner-mode=off",
                // /api/me/password and /api/me/email check the current password: the fuzz's wrong ones must not make
                // Camunda delay the demo users' next logins (the rest of the run would only test 401s)
                "--camunda.bpm.generic-properties.properties.login-delay-base=0",
                "--camunda.bpm.generic-properties.properties.login-delay-max-time=0");
        http = new WebClient("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noOperationOfTheOpenApiDescriptionAnswersAServerErrorToBadInput() throws Exception {
        HttpResponse<String> docs = http.get("/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode openApi = JSON.readTree(docs.body());
        List<Operation> operations = operations(openApi);
        assertThat(operations).as("operations described").hasSizeGreaterThan(40);
        assertThat(operations.stream().map(Operation::path)).anyMatch(p -> p.startsWith("/public/")).anyMatch(p -> p.startsWith("/api/"));

        List<String> users = new ArrayList<>(DemoData.USERS.stream().map(DemoData.DemoUser::id).toList());
        String first = users.remove(0);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        long start = System.nanoTime();
        for (Operation operation : operations) {
            Generator generator = new Generator(openApi);
            for (Call call : generator.variants(operation, first)) {
                calls++;
                check(operation, call, failures);
            }
            List<String> others = new ArrayList<>(users);
            others.add(null);
            for (String user : others) {
                for (Call call : generator.wholeVariants(operation, user)) {
                    calls++;
                    check(operation, call, failures);
                }
            }
        }
        System.out.printf("OpenApiFuzzTest: %d operations, %d calls in %d s, %d server errors; statuses %s%n", operations.size(), calls,
                (System.nanoTime() - start) / 1_000_000_000L, failures.size(), STATUSES);
        assertThat(failures).as("calls answered with a server error").isEmpty();
    }

    /** How many calls got each status (printed, to see what the run reached). */
    static final Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();

    private static void check(Operation operation, Call call, List<String> failures) {
        HttpResponse<String> response;
        if (operation.multipart() != null) {
            Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();
            operation.files().forEach(part -> files.put(part, Map.entry("piece.pdf", DossierDriver.pdf())));
            response = http.uploadFiles(call.user(), PASSWORD, call.path(), call.fields(), files);
        } else {
            response = call.user() == null
                    ? http.call(null, null, operation.method(), call.path(), call.body())
                    : http.call(call.user(), PASSWORD, operation.method(), call.path(), call.body());
        }
        STATUSES.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() >= 500) {
            failures.add(operation.method() + " " + call.path().substring(0, Math.min(200, call.path().length())) + " as " + call.user()
                    + " (" + call.what() + ") → " + response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    static List<Operation> operations(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            List<JsonNode> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameters::add);
            JsonNode content = operation.path("requestBody").path("content");
            JsonNode body = content.path("application/json").path("schema");
            JsonNode multipart = content.path("multipart/form-data").path("schema");
            List<String> files = new ArrayList<>();
            multipart.path("properties").fields().forEachRemaining(p -> {
                if (p.getValue().path("format").asText().equals("binary")
                        || p.getValue().path("items").path("format").asText().equals("binary")) {
                    files.add(p.getKey());
                }
            });
            operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters,
                    body.isMissingNode() ? null : body, multipart.isMissingNode() ? null : multipart, files));
        }));
        return operations;
    }

    /** Builds well-formed values from the schemas, and their bad variants. */
    static final class Generator {

        private final JsonNode schemas;

        Generator(JsonNode openApi) {
            this.schemas = openApi.path("components").path("schemas");
        }

        /** Every variant, field by field and parameter by parameter. */
        List<Call> variants(Operation operation, String user) {
            List<Call> calls = new ArrayList<>(wholeVariants(operation, user));
            Map<String, String> parameters = parameterValues(operation);
            for (String name : parameters.keySet()) {
                JsonNode schema = parameterSchema(operation, name);
                for (Map.Entry<String, JsonNode> bad : badValues(schema).entrySet()) {
                    if (bad.getValue().isNull() || bad.getValue().isContainerNode()) {
                        continue;
                    }
                    String text = bad.getValue().asText();
                    // an address has its own limit (Tomcat answers 400 beyond 8 KB): long values go up to 2 000 characters
                    Map<String, String> changed = new LinkedHashMap<>(parameters);
                    changed.put(name, text.length() > 2000 ? text.substring(0, 2000) : text);
                    calls.add(call(operation, user, "parameter " + name + ": " + bad.getKey(), changed, sample(operation)));
                }
            }
            JsonNode body = sample(operation);
            if (body != null) {
                for (String pointer : leaves(body, "")) {
                    JsonNode schema = schemaAt(operation, pointer);
                    for (Map.Entry<String, JsonNode> bad : badValues(schema).entrySet()) {
                        JsonNode changed = body.deepCopy();
                        set(changed, pointer, bad.getValue());
                        calls.add(call(operation, user, pointer + ": " + bad.getKey(), parameters, changed));
                    }
                }
            }
            return calls;
        }

        /** The well-formed call, and every field of the body at once: 100 000 characters, null, the wrong type. */
        List<Call> wholeVariants(Operation operation, String user) {
            Map<String, String> parameters = parameterValues(operation);
            JsonNode body = sample(operation);
            List<Call> calls = new ArrayList<>();
            calls.add(call(operation, user, "well-formed", parameters, body));
            if (body != null) {
                calls.add(call(operation, user, "every field 100 000 characters", parameters, everyLeaf(body, v -> JsonNodeFactory.instance.textNode(LONG))));
                calls.add(call(operation, user, "every field null", parameters, everyLeaf(body, v -> JsonNodeFactory.instance.nullNode())));
                calls.add(call(operation, user, "every field of the wrong type", parameters, everyLeaf(body,
                        v -> v.isTextual() ? JsonNodeFactory.instance.objectNode().put("x", 1) : JsonNodeFactory.instance.textNode(UNICODE))));
                if (operation.multipart() == null) {
                    for (String raw : List.of("null", "[]", "\"" + UNICODE.replace("\u0000", "") + "\"", "{\"x\":")) {
                        calls.add(new Call(user, "body " + raw, path(operation, parameters), raw, Map.of()));
                    }
                }
            }
            return calls;
        }

        private Call call(Operation operation, String user, String what, Map<String, String> parameters, JsonNode body) {
            if (operation.multipart() != null) {
                Map<String, String> fields = new LinkedHashMap<>();
                if (body != null) {
                    body.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().isValueNode()
                            ? f.getValue().asText() : f.getValue().toString()));
                }
                return new Call(user, what, path(operation, parameters), null, fields);
            }
            return new Call(user, what, path(operation, parameters), body == null ? null : body.toString(), Map.of());
        }

        private static String path(Operation operation, Map<String, String> parameters) {
            String path = operation.path();
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : operation.parameters()) {
                String name = parameter.path("name").asText();
                String value = URLEncoder.encode(parameters.get(name), StandardCharsets.UTF_8);
                if (parameter.path("in").asText().equals("path")) {
                    path = path.replace("{" + name + "}", value.isEmpty() ? "%20" : value);
                } else if (parameter.path("in").asText().equals("query")) {
                    query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(value);
                }
            }
            return path + query;
        }

        private Map<String, String> parameterValues(Operation operation) {
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode parameter : operation.parameters()) {
                if (parameter.path("in").asText().equals("path") || parameter.path("in").asText().equals("query")) {
                    JsonNode value = sample(parameter.path("schema"), 0);
                    values.put(parameter.path("name").asText(), value.isValueNode() ? value.asText() : value.toString());
                }
            }
            return values;
        }

        private JsonNode parameterSchema(Operation operation, String name) {
            return operation.parameters().stream().filter(p -> p.path("name").asText().equals(name)).findFirst()
                    .map(p -> resolve(p.path("schema"))).orElseThrow();
        }

        private JsonNode sample(Operation operation) {
            JsonNode schema = operation.multipart() != null ? operation.multipart() : operation.body();
            if (schema == null) {
                return null;
            }
            JsonNode sample = sample(schema, 0);
            if (operation.multipart() != null && sample.isObject()) {
                ((ObjectNode) sample).remove(operation.files());
            }
            return sample;
        }

        /** A well-formed value of the schema. */
        JsonNode sample(JsonNode schema, int depth) {
            schema = resolve(schema);
            JsonNodeFactory json = JsonNodeFactory.instance;
            if (schema.has("enum")) {
                return schema.path("enum").get(0);
            }
            String type = type(schema);
            String format = schema.path("format").asText();
            return switch (type) {
                case "object" -> {
                    ObjectNode object = json.objectNode();
                    if (depth < 4) {
                        schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                    }
                    yield object;
                }
                case "array" -> depth < 4 ? json.arrayNode().add(sample(schema.path("items"), depth + 1)) : json.arrayNode();
                case "integer" -> json.numberNode(1);
                case "number" -> json.numberNode(1.5);
                case "boolean" -> json.booleanNode(true);
                default -> json.textNode(switch (format) {
                    case "date" -> "2026-03-02";
                    case "date-time" -> "2026-03-02T10:00:00";
                    case "binary" -> "x";
                    default -> "texte";
                });
            };
        }

        /** The bad values for a field of this schema. */
        Map<String, JsonNode> badValues(JsonNode schema) {
            schema = resolve(schema);
            JsonNodeFactory json = JsonNodeFactory.instance;
            Map<String, JsonNode> bad = new LinkedHashMap<>();
            if (type(schema).equals("string") && !schema.has("enum")) {
                int limit = schema.path("maxLength").asInt(255);
                bad.put("limit + 1", json.textNode("é".repeat(limit + 1)));
                bad.put("100 000 characters", json.textNode(LONG));
                bad.put("unicode", json.textNode(UNICODE));
                bad.put("wrong type", json.numberNode(-99999999999L));
            } else if (type(schema).equals("integer") || type(schema).equals("number")) {
                bad.put("huge", json.numberNode(new java.math.BigInteger("99999999999999999999999")));
                bad.put("negative", json.numberNode(-2026));
                bad.put("wrong type", json.textNode(UNICODE));
            } else {
                bad.put("wrong type", json.textNode(UNICODE));
            }
            bad.put("null", json.nullNode());
            return bad;
        }

        private JsonNode schemaAt(Operation operation, String pointer) {
            JsonNode schema = resolve(operation.multipart() != null ? operation.multipart() : operation.body());
            for (String step : pointer.substring(1).split("/")) {
                schema = resolve(step.matches("\\d+") ? schema.path("items") : schema.path("properties").path(step));
            }
            return schema;
        }

        private JsonNode resolve(JsonNode schema) {
            while (schema.has("$ref")) {
                schema = schemas.path(schema.path("$ref").asText().replace("#/components/schemas/", ""));
            }
            if (schema.has("allOf") && schema.path("allOf").size() == 1) {
                return resolve(schema.path("allOf").get(0));
            }
            return schema;
        }

        private static String type(JsonNode schema) {
            JsonNode type = schema.path("type");
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
            }
            return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "string";
        }
    }

    /** JSON pointers of the body's values (not of its objects and arrays). */
    static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves.addAll(leaves(f.getValue(), pointer + "/" + f.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(leaves(node.get(i), pointer + "/" + i));
            }
        } else if (!pointer.isEmpty()) {
            leaves.add(pointer);
        }
        return leaves;
    }

    static JsonNode everyLeaf(JsonNode body, UnaryOperator<JsonNode> change) {
        JsonNode copy = body.deepCopy();
        if (!copy.isContainerNode()) {
            return change.apply(copy);
        }
        for (String pointer : leaves(copy, "")) {
            set(copy, pointer, change.apply(copy.at(pointer)));
        }
        return copy;
    }

    static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

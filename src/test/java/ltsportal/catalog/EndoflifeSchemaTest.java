package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rules of endoflife.date's v1 API description (api_v1/openapi.yml, schema 1.2.1; a copy is in
 * shared/reference) for the objects the portal answers, stated here field by field: required fields, their
 * types, which may be null, and no field the description does not declare. Zero violations on every answer.
 */
@Tag("functional")
class EndoflifeSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPortal portal;

    /** A field's rule: its type ("string", "date", "date-time", "uri", "boolean", "integer", "array", "object"), nullable, required. */
    private record Rule(String type, boolean nullable, boolean required) {
    }

    private static Rule req(String type) {
        return new Rule(type, false, true);
    }

    private static Rule reqNull(String type) {
        return new Rule(type, true, true);
    }

    private static Rule opt(String type, boolean nullable) {
        return new Rule(type, nullable, false);
    }

    private static final Map<String, Rule> RELEASE = Map.ofEntries(Map.entry("name", req("string")), Map.entry("codename", reqNull("string")),
            Map.entry("label", req("string")), Map.entry("releaseDate", req("date")), Map.entry("isLts", req("boolean")),
            Map.entry("ltsFrom", reqNull("date")), Map.entry("isEoas", opt("boolean", false)), Map.entry("eoasFrom", opt("date", true)),
            Map.entry("isEol", req("boolean")), Map.entry("eolFrom", reqNull("date")), Map.entry("isDiscontinued", opt("boolean", false)),
            Map.entry("discontinuedFrom", opt("date", true)), Map.entry("isEoes", opt("boolean", true)), Map.entry("eoesFrom", opt("date", true)),
            Map.entry("isMaintained", req("boolean")), Map.entry("latest", reqNull("object")), Map.entry("custom", opt("object", true)));
    private static final Map<String, Rule> VERSION = Map.of("name", req("string"), "date", reqNull("date"), "link", reqNull("uri"));
    private static final Map<String, Rule> PRODUCT = Map.of("name", req("string"), "label", req("string"), "aliases", req("array"),
            "category", req("string"), "tags", req("array"), "versionCommand", opt("string", true), "identifiers", req("array"),
            "labels", req("object"), "links", req("object"), "releases", req("array"));
    private static final Map<String, Rule> SUMMARY = Map.of("name", req("string"), "label", req("string"), "aliases", req("array"),
            "category", req("string"), "tags", req("array"), "uri", req("uri"));
    private static final Map<String, Rule> LABELS = Map.of("eoas", opt("string", true), "discontinued", opt("string", true),
            "eol", req("string"), "eoes", opt("string", true));
    private static final Map<String, Rule> LINKS = Map.of("icon", opt("uri", true), "html", req("uri"), "releasePolicy", opt("uri", true));
    private static final Map<String, Rule> URI = Map.of("name", req("string"), "uri", req("uri"));
    private static final Map<String, Rule> PRODUCT_RESPONSE = Map.of("schema_version", req("string"), "generated_at", req("date-time"),
            "last_modified", req("date-time"), "result", req("object"));
    private static final Map<String, Rule> RELEASE_RESPONSE = Map.of("schema_version", req("string"), "generated_at", req("date-time"),
            "result", req("object"));
    private static final Map<String, Rule> LIST_RESPONSE = Map.of("schema_version", req("string"), "generated_at", req("date-time"),
            "total", req("integer"), "result", req("array"));

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(portal.get(path).body());
    }

    @Test
    void everyV1AnswerFollowsTheReferenceDescription() throws Exception {
        List<String> errors = new ArrayList<>();
        JsonNode product = get("/api/v1/products/gitlab");
        check(errors, "product", product, PRODUCT_RESPONSE);
        product(errors, "product.result", product.get("result"));
        for (String cycle : List.of("latest", "18.11", "13.10")) {
            JsonNode release = get("/api/v1/products/gitlab/releases/" + cycle);
            check(errors, "release " + cycle, release, RELEASE_RESPONSE);
            release(errors, "release " + cycle + ".result", release.get("result"));
        }
        JsonNode full = get("/api/v1/products/full");
        check(errors, "full", full, LIST_RESPONSE);
        full.get("result").forEach(p -> product(errors, "full.result[]", p));
        for (String path : List.of("/api/v1/products", "/api/v1/categories/server-app", "/api/v1/tags/gitlab")) {
            JsonNode list = get(path);
            check(errors, path, list, LIST_RESPONSE);
            list.get("result").forEach(s -> check(errors, path + ".result[]", s, SUMMARY));
            if (list.get("total").asInt() != list.get("result").size()) {
                errors.add(path + ": total is not the number of results");
            }
        }
        for (String path : List.of("/api/v1/", "/api/v1/categories", "/api/v1/tags", "/api/v1/identifiers")) {
            JsonNode list = get(path);
            check(errors, path, list, LIST_RESPONSE);
            list.get("result").forEach(u -> check(errors, path + ".result[]", u, URI));
        }
        assertTrue(errors.isEmpty(), errors.size() + " violations:\n" + String.join("\n", errors));
    }

    private static void product(List<String> errors, String where, JsonNode p) {
        check(errors, where, p, PRODUCT);
        check(errors, where + ".labels", p.get("labels"), LABELS);
        check(errors, where + ".links", p.get("links"), LINKS);
        if (p.get("tags").size() < 1 || !containsText(p.get("tags"), p.get("category").asText())) {
            errors.add(where + ".tags: at least one, the category among them");
        }
        p.get("aliases").forEach(a -> expect(errors, where + ".aliases[]", a, "string"));
        p.get("identifiers").forEach(i -> check(errors, where + ".identifiers[]", i, Map.of("id", req("string"), "type", req("string"))));
        p.get("releases").forEach(r -> release(errors, where + ".releases[" + r.path("name").asText() + "]", r));
    }

    private static void release(List<String> errors, String where, JsonNode r) {
        check(errors, where, r, RELEASE);
        if (r.hasNonNull("latest")) {
            check(errors, where + ".latest", r.get("latest"), VERSION);
        }
        if (r.hasNonNull("custom")) {
            r.get("custom").fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !e.getValue().isTextual()) {
                    errors.add(where + ".custom." + e.getKey() + ": a custom value is a string or null");
                }
            });
        }
        if (!r.get("isLts").asBoolean() && !r.get("ltsFrom").isNull()) {
            errors.add(where + ".ltsFrom: null when isLts is false");
        }
        if (!r.get("ltsFrom").isNull() && r.get("ltsFrom").asText().equals(r.get("releaseDate").asText())) {
            errors.add(where + ".ltsFrom: null when LTS does not start later than the release");
        }
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static void check(List<String> errors, String where, JsonNode node, Map<String, Rule> rules) {
        if (node == null || !node.isObject()) {
            errors.add(where + ": not an object");
            return;
        }
        Set<String> declared = rules.keySet();
        node.fieldNames().forEachRemaining(f -> {
            if (!declared.contains(f)) {
                errors.add(where + "." + f + ": not in the description");
            }
        });
        rules.forEach((field, rule) -> {
            if (!node.has(field)) {
                if (rule.required()) {
                    errors.add(where + "." + field + ": required, missing");
                }
                return;
            }
            JsonNode value = node.get(field);
            if (value.isNull()) {
                if (!rule.nullable()) {
                    errors.add(where + "." + field + ": may not be null");
                }
                return;
            }
            expect(errors, where + "." + field, value, rule.type());
        });
    }

    private static void expect(List<String> errors, String where, JsonNode value, String type) {
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "date" -> value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
            case "date-time" -> value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
            case "uri" -> value.isTextual() && value.asText().matches("[a-z][a-z0-9+.-]*:.+");
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isInt();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
        if (!ok) {
            errors.add(where + ": not a " + type + " (" + value + ")");
        }
    }
}

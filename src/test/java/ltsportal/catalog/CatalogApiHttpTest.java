package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API through HTTP, in endoflife.date's shapes, with the clock on 1 June 2026. */
@Tag("functional")
class CatalogApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.at("2026-06-01T12:00:00Z");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static JsonNode json(String path, int expectedStatus) throws Exception {
        var response = portal.get(path);
        assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
        assertEquals("application/json;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        return JSON.readTree(response.body());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void v0ListsEveryCycleNewestFirst() throws Exception {
        JsonNode all = json("/api/gitlab.json", 200);
        assertEquals(66, all.size());
        assertEquals(List.of("cycle", "releaseDate", "eol", "latest", "latestReleaseDate", "lts", "support"),
                fields(all.get(0)));
        assertEquals("19.3", all.get(0).get("cycle").asText());
        assertEquals("13.10", all.get(65).get("cycle").asText());
    }

    @Test
    void v0OneCycleHasNoCycleFieldAndLtsEndAsEol() throws Exception {
        JsonNode line = json("/api/gitlab/18.11.json", 200);
        assertEquals(List.of("releaseDate", "eol", "latest", "latestReleaseDate", "lts", "support"), fields(line));
        assertEquals("2027-04-16", line.get("eol").asText());
        assertEquals("2026-05-21", line.get("support").asText());
        assertTrue(line.get("lts").asBoolean());
    }

    @Test
    void v1ProductHasTheEnvelopeAndEveryRelease() throws Exception {
        JsonNode doc = json("/api/v1/products/gitlab", 200);
        assertEquals(List.of("schema_version", "generated_at", "last_modified", "result"), fields(doc));
        JsonNode result = doc.get("result");
        assertEquals("gitlab", result.get("name").asText());
        assertEquals(66, result.get("releases").size());
        assertTrue(result.get("links").has("releasePolicy"));
        assertTrue(result.get("labels").has("eoas"));
        assertEquals("1.2.1", doc.get("schema_version").asText());
    }

    @Test
    void v1ReleaseComputesFlagsForTodayWithTheLtsOverlayInCustom() throws Exception {
        JsonNode r = json("/api/v1/products/gitlab/releases/18.10", 200).get("result");
        assertEquals(List.of("name", "codename", "label", "releaseDate", "isLts", "ltsFrom", "isEoas", "eoasFrom", "isEol",
                "eolFrom", "isMaintained", "latest", "custom"), fields(r));
        assertTrue(r.get("codename").isNull());
        assertFalse(r.get("isEol").asBoolean());
        assertTrue(r.get("isMaintained").asBoolean());
        assertEquals("https://gitlab.com/gitlab-org/gitlab/-/releases/v18.10.0-ee", r.get("latest").get("link").asText());
        JsonNode lts = json("/api/v1/products/gitlab/releases/18.11", 200).get("result");
        assertFalse(lts.get("isLts").asBoolean(), "GitLab itself has no LTS");
        assertTrue(lts.get("ltsFrom").isNull());
        assertEquals("2026-07-16", lts.get("eolFrom").asText(), "GitLab's own end of maintenance");
        assertEquals("true", lts.get("custom").get("portalLts").asText(), "the portal's overlay, marked as its own");
        assertEquals("2027-04-16", lts.get("custom").get("portalLtsEnd").asText());
        assertEquals("2026-08-22", lts.get("custom").get("portalDataAsOf").asText(), "the date of the data, for clients to judge");
        assertEquals("19.3", json("/api/v1/products/gitlab/releases/latest", 200).get("result").get("name").asText());
    }

    @Test
    void aPhaseEndsTheDayAfterItsEndDateAsOnEndoflifeDate() {
        ReleaseLine line = TestPortal.content().catalog().line("18.10").orElseThrow();
        assertFalse(EndoflifeV1.release(line, line.eol(), line.eol()).isEol(), "still maintained on its end date");
        assertTrue(EndoflifeV1.release(line, line.eol().plusDays(1), line.eol()).isEol(), "ended the day after");
        assertFalse(EndoflifeV1.release(line, line.eoas(), line.eol()).isEoas());
        assertTrue(EndoflifeV1.release(line, line.eoas().plusDays(1), line.eol()).isEoas());
    }

    @Test
    void theRestOfEndoflifeDatesApiAnswersAsACatalogueOfOneProduct() throws Exception {
        JsonNode index = json("/api/v1/", 200);
        assertEquals(List.of("schema_version", "generated_at", "total", "result"), fields(index));
        assertEquals(4, index.get("total").asInt());
        JsonNode products = json("/api/v1/products", 200);
        assertEquals(1, products.get("total").asInt());
        assertEquals(List.of("name", "label", "aliases", "category", "tags", "uri"), fields(products.get("result").get(0)));
        JsonNode full = json("/api/v1/products/full", 200);
        assertEquals(66, full.get("result").get(0).get("releases").size());
        assertEquals("server-app", json("/api/v1/categories", 200).get("result").get(0).get("name").asText());
        assertEquals("gitlab", json("/api/v1/categories/server-app", 200).get("result").get(0).get("name").asText());
        assertEquals(2, json("/api/v1/tags", 200).get("total").asInt());
        assertEquals(1, json("/api/v1/tags/gitlab", 200).get("total").asInt());
        assertEquals(0, json("/api/v1/identifiers", 200).get("total").asInt());
        assertEquals("[\"gitlab\"]", portal.get("/api/all.json").body(), "norwegianblue's fallback finds the product");
        var moved = portal.get("/api/gitlab");
        assertEquals(301, moved.statusCode());
        assertEquals("/api/gitlab.json", moved.headers().firstValue("Location").orElse(""));
    }

    @Test
    void checkAnswersWithStatusAndTarget() throws Exception {
        JsonNode c = json("/api/v1/check?version=17.3.4", 200);
        assertEquals(List.of("version", "cycle", "status", "supported", "eolFrom", "latestPatch", "recommendedTarget",
                "newerThanData", "dataAsOf"), fields(c));
        assertEquals(false, c.get("newerThanData").asBoolean());
        assertEquals("2026-08-22", c.get("dataAsOf").asText());
        JsonNode newest = json("/api/v1/check?version=19.3.0", 200);
        assertTrue(newest.get("newerThanData").asBoolean(), "the newest release the data knows");
        assertTrue(newest.get("recommendedTarget").isNull(), "no downgrade advised");
        assertEquals("17.3.4", c.get("version").asText());
        assertEquals("17.3", c.get("cycle").asText());
        assertEquals("eol", c.get("status").asText());
        assertFalse(c.get("supported").asBoolean());
        assertEquals("2024-11-21", c.get("eolFrom").asText());
        assertEquals("17.3.7", c.get("latestPatch").asText());
        assertEquals("18.11.11", c.get("recommendedTarget").asText());

        JsonNode soon = json("/api/v1/check?version=v18.10.1-ee", 200);
        assertEquals("ending-soon", soon.get("status").asText());
        assertTrue(soon.get("supported").asBoolean());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/check|400",
            "/api/v1/check?version=|400",
            "/api/v1/check?version=banana|400",
            "/api/v1/check?version=17.3.4.5|400",
            "/api/v1/check?version=99.1|404",
            "/api/v1/check?version=12.0.1|404",
            "/api/gitlab/99.1.json|404",
            "/api/gitlab/banana.json|400",
            "/api/v1/products/gitlab/releases/99.9|404",
            "/api/v1/products/gitlab/releases/x|404",
            "/api/v1/products/gitlab/releases/17.5.0|404",
            "/api/v1/products/gitlab/releases/v17.5|404",
            "/api/v1/categories/os|404",
            "/api/v1/tags/ubuntu|404",
            "/api/v1/identifiers/purl|404",
            "/api/v1/products/ubuntu|404",
            "/api/nothing|404",
    })
    void errorsAreJsonWithAMessage(String path, int status) throws Exception {
        JsonNode error = json(path, status);
        assertEquals(List.of("error"), fields(error));
        assertFalse(error.get("error").asText().isBlank());
    }

    @Test
    void unchangedCatalogAnswers304() {
        for (String path : List.of("/api/gitlab.json", "/api/gitlab/18.11.json", "/api/v1/products/gitlab",
                "/api/v1/products/gitlab/releases/latest", "/api/v1/check?version=18.11.2", "/gitlab/timeline.svg",
                "/gitlab/feed.atom", "/gitlab/calendar.ics")) {
            var first = portal.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
            // Cached answers (PublicCache) carry a strong tag per encoding; the support check, rendered per query,
            // a weak one naming both its identity and its gzipped body (RFC 9110 8.8.1).
            assertTrue(path.contains("?") ? etag.matches("W/\"[0-9a-f]{32}\"") : etag.matches("\"[0-9a-f]{32}\""), path + ": " + etag);
            var again = portal.get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body(), path);
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""), path);
            assertEquals(200, portal.get(path, "If-None-Match", "\"something-else\"").statusCode(), path);
            assertEquals(304, portal.get(path, "If-None-Match", "\"x\", " + etag.replace("W/", "")).statusCode(), path);
        }
    }
}

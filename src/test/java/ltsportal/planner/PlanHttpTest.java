package ltsportal.planner;

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

/** The planner's page, print view, Markdown download and API through HTTP. */
@Tag("functional")
class PlanHttpTest {
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

    @Test
    void emptyFormIsShownWithTheConditionalStops() {
        var response = portal.get("/gitlab/plan");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("name=\"from\""));
        assertTrue(response.body().contains("value=\"npm-packages\""));
        assertFalse(response.body().contains("id=\"plan\""));
    }

    @Test
    void planPageShowsNumberedHopsSummaryAndKeepsTheForm() {
        var response = portal.get("/gitlab/plan?from=15.4.6&to=18.11&conditions=16.1&deployment=docker&edition=ce");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("value=\"15.4.6\""), "the form keeps its values");
        assertTrue(body.contains("value=\"18.11\""));
        assertTrue(body.contains("<option value=\"docker\" selected=\"selected\">"));
        assertTrue(body.contains("<option value=\"ce\" selected=\"selected\">"));
        assertTrue(body.contains("value=\"npm-packages\" checked=\"checked\""));
        assertTrue(body.contains("13 hops"), "12 required hops and the conditional 16.1");
        assertTrue(body.contains("data-version=\"16.1.8\""));
        assertTrue(body.contains("docker pull gitlab/gitlab-ce:16.1.8-ce.0"));
        assertTrue(body.contains("docker exec -it gitlab gitlab-rake gitlab:background_migrations:list"));
        assertTrue(body.contains("Long-term support"), "target status in the summary");
        assertTrue(body.contains("Expiring Access Tokens"), "alerts of the versions crossed");
        assertTrue(body.contains("class=\"alert error\""), "alerts are coloured by severity");
        assertTrue(body.contains("Before the upgrade"), "alerts are grouped by phase");
        assertTrue(body.contains("/gitlab/plan/print?from=15.4.6&amp;to=18.11&amp;conditions=16.1"));
        assertTrue(body.contains("/gitlab/plan.md?from=15.4.6"));
    }

    @Test
    void theFormAsksOnlyAboutConditionalStopsBetweenTheEnteredVersionsAndKeepsTheOthersTicked() {
        String body = portal.get("/gitlab/plan?from=16.1.8&to=18.11&conditions=multiple-rails-nodes,ci-pipeline-messages").body();
        String form = body.substring(body.indexOf("<form"), body.indexOf("</form>"));
        assertTrue(form.contains("The conditional stops between 16.1.8 and 18.11.11."), form);
        assertTrue(form.contains("type=\"checkbox\" name=\"conditions\" value=\"pipeline-variables\""), "16.2 lies between");
        assertTrue(form.contains("type=\"checkbox\" name=\"conditions\" value=\"ci-pipeline-messages\" checked=\"checked\""));
        for (String outside : List.of("30k-users", "npm-packages")) {
            assertFalse(form.contains("value=\"" + outside + "\""), outside + " lies before 16.1.8, the newest 16.1 patch");
        }
        assertTrue(form.contains("<input type=\"hidden\" name=\"conditions\" value=\"multiple-rails-nodes\">"),
                "a ticked stop outside the range rides along, so widening the range later keeps it");

        String none = portal.get("/gitlab/plan?from=18.10.1&to=18.11").body();
        assertTrue(none.contains("No conditional stop lies between 18.10.1 and 18.11.11."));
        assertFalse(none.contains("name=\"conditions\""));

        String unplanned = portal.get("/gitlab/plan").body();
        for (String key : List.of("multiple-rails-nodes", "30k-users", "npm-packages", "pipeline-variables", "ci-pipeline-messages")) {
            assertTrue(unplanned.contains("value=\"" + key + "\""), "before versions are entered every stop is asked about: " + key);
        }
    }

    @Test
    void withAPlanTheResultsComeFirstAndTheFormFollowsUnderChangeInputs() {
        String body = portal.get("/gitlab/plan?from=17.3.7&to=18.11").body();
        int results = body.indexOf("id=\"plan\"");
        int form = body.indexOf("id=\"plan-form\"");
        assertTrue(results > 0 && form > results, "results before the form");
        int link = body.indexOf("<a href=\"#change-inputs\">Change inputs</a>");
        assertTrue(link > 0 && link < results, "a way to the form above the results");
        assertTrue(body.indexOf("<h2 id=\"change-inputs\">Change inputs</h2>") < form);
        assertEquals(1, body.split("id=\"plan-form\"", -1).length - 1, "one form");

        String empty = portal.get("/gitlab/plan").body();
        assertTrue(empty.contains("id=\"plan-form\"") && !empty.contains("Change inputs"), "an empty planner is just its form");
        String invalid = portal.get("/gitlab/plan?from=nonsense").body();
        assertTrue(invalid.indexOf("id=\"plan-form\"") > 0 && !invalid.contains("Change inputs"), "errors show on the form, first");
    }

    @Test
    void linuxPackageCommandsNameTheEditionAndPackageVersion() {
        String body = portal.get("/gitlab/plan?from=17.3.7&to=17.5").body();
        assertTrue(body.contains("sudo apt-get update &amp;&amp; sudo apt-get install gitlab-ee=17.5.5-ee.0"), body);
        assertTrue(body.contains("sudo gitlab-rake gitlab:background_migrations:list"));
        String helm = portal.get("/gitlab/plan?from=17.3.7&to=17.5&deployment=helm&edition=ce").body();
        assertTrue(helm.contains("--set global.edition=ce"));
        assertTrue(helm.contains("APP VERSION is 17.5.5"));
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', value = {
            "from=banana&to=18.11|from|is not a GitLab version",
            "from=17.11.7&to=16.11|to|cannot be downgraded",
            "from=15.4.6&to=99.1|to|not a release line we know",
            "from=15.4.6&conditions=nonsense|conditions|is not a conditional stop",
            "from=15.4.6&edition=xx|edition|Choose ce or ee",
            "from=15.4.6&deployment=k8s|deployment|Choose linux-package, docker or helm",
            "from=12.1.0|from|older than 13.10",
    })
    void badInputShowsTheFormAgainWithTheFieldMarked(String query, String field, String message) {
        var response = portal.get("/gitlab/plan?" + query);
        assertEquals(400, response.statusCode());
        String body = response.body();
        assertTrue(body.contains(message), body);
        assertTrue(body.contains("invalid"), "the field is marked");
        assertFalse(body.contains("id=\"plan\""), "no plan for bad input");
        if (field.equals("from") || field.equals("to")) {
            assertTrue(body.contains("id=\"" + field + "-error\""));
        }
    }

    @Test
    void sameVersionSaysSo() {
        var response = portal.get("/gitlab/plan?from=17.11.7&to=17.11");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("You already run 17.11.7."));
    }

    @Test
    void printViewShowsEveryHopOpen() {
        var response = portal.get("/gitlab/plan/print?from=15.4.6&to=17.11");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("GitLab upgrade runbook: 15.4.6 to 17.11.7"));
        assertEquals(8, body.split("class=\"runbook-hop\"", -1).length - 1);
        assertTrue(body.contains("open=\"open\""));
        assertTrue(body.contains("<script src=\"/static/print.js\""), "no inline script");
    }

    @Test
    void markdownDownloadIsAnAttachment() {
        var response = portal.get("/gitlab/plan.md?from=15.4.6&to=17.11&deployment=docker");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
        assertEquals("attachment; filename=\"gitlab-upgrade-15.4.6-to-17.11.7.md\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        String md = response.body();
        assertTrue(md.startsWith("# GitLab upgrade runbook: 15.4.6 to 17.11.7\n"));
        assertTrue(md.contains("## Hop 1: install 15.11.13 (required)"));
        assertTrue(md.contains("## Hop 8: install 17.11.7 (target)"));
        assertTrue(md.contains("docker pull gitlab/gitlab-ee:17.11.7-ee.0"));
        assertTrue(md.contains("http://portal.test/gitlab/plan?from=15.4.6&to=17.11&edition=ee&deployment=docker"));
        assertEquals(400, portal.get("/gitlab/plan.md?from=banana").statusCode());
        assertEquals(400, portal.get("/gitlab/plan.md").statusCode());
    }

    @Test
    void apiAnswersThePathAndHops() throws Exception {
        var response = portal.get("/api/v1/plan?from=15.4.6&to=17.11.7&conditions=16.1");
        assertEquals(200, response.statusCode());
        JsonNode plan = JSON.readTree(response.body());
        assertEquals("15.4.6", plan.get("from").asText());
        assertEquals("17.11.7", plan.get("to").asText());
        List<String> path = new ArrayList<>();
        plan.get("path").forEach(v -> path.add(v.asText()));
        assertEquals(List.of("15.11.13", "16.1.8", "16.3.9", "16.7.10", "16.11.10", "17.3.7", "17.5.5", "17.8.7", "17.11.7"), path);
        JsonNode hop = plan.get("hops").get(1);
        assertEquals("16.1.8", hop.get("version").asText());
        assertEquals("conditional", hop.get("kind").asText());
        assertTrue(hop.get("reason").asText().contains("npm"));
        assertEquals("http://portal.test/gitlab/16.1", hop.get("notesUrl").asText());
        assertEquals("target", plan.get("hops").get(8).get("kind").asText());
        assertTrue(plan.get("hops").get(2).get("alerts").size() > 0);
        assertEquals(4, plan.get("conditionalStops").size(), "16.0, 16.1, 16.2 and 17.1 lie between");
        assertTrue(plan.get("warnings").size() > 0);
        assertEquals("2026-08-22", plan.get("dataAsOf").asText(), "the date of the data the plan comes from");
    }

    @Test
    void anAlertSpanningHopsIsShownOnceOnThePageAndInTheRunbook() throws Exception {
        String glibc = "Potential PostgreSQL index corruption when upgrading OS - glibc locale data compatibility";
        String page = portal.get("/gitlab/plan?from=15.4.6&to=17.11").body();
        assertEquals(1, page.split("<strong>" + glibc + "</strong>", -1).length - 1, "the alert's title once");
        assertTrue(page.contains("Applies to the next 7 hops too."));
        assertTrue(page.contains("<a href=\"#hop-1\">" + glibc + " (hop 1)</a>"), "later hops point back to it");
        assertTrue(page.contains("id=\"hop-1\""));
        String md = portal.get("/gitlab/plan.md?from=15.4.6&to=17.11").body();
        assertEquals(1, md.split("\\*\\*WARNING: " + java.util.regex.Pattern.quote(glibc) + "\\*\\*", -1).length - 1
                + md.split("\\*\\*INFO: " + java.util.regex.Pattern.quote(glibc) + "\\*\\*", -1).length - 1
                + md.split("\\*\\*ERROR: " + java.util.regex.Pattern.quote(glibc) + "\\*\\*", -1).length - 1);
        assertTrue(md.contains("- Still applies: " + glibc + " (see hop 1)"));
        JsonNode hops = JSON.readTree(portal.get("/api/v1/plan?from=15.4.6&to=17.11").body()).get("hops");
        for (JsonNode hop : hops) {
            JsonNode alert = null;
            for (JsonNode a : hop.get("alerts")) {
                if (a.get("title").asText().equals(glibc)) {
                    alert = a;
                }
            }
            assertTrue(alert != null, "the API keeps every hop's alerts");
            assertEquals(1, alert.get("firstHop").asInt());
            assertEquals(8, alert.get("lastHop").asInt());
        }
    }

    @Test
    void apiZeroDowntimeTakesEveryMinor() throws Exception {
        JsonNode plan = JSON.readTree(portal.get("/api/v1/plan?from=17.8.7&to=17.11&zero_downtime=true").body());
        assertEquals("[\"17.9.8\",\"17.10.8\",\"17.11.7\"]", plan.get("path").toString());
        assertEquals("minor", plan.get("hops").get(0).get("kind").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/plan",
            "/api/v1/plan?from=",
            "/api/v1/plan?from=x.y.z",
            "/api/v1/plan?from=17.11.7&to=16.0",
            "/api/v1/plan?from=15.4.6&to=99.0",
            "/api/v1/plan?from=15.4.99",
            "/api/v1/plan?from=15.4.6&zero_downtime=maybe",
            "/api/v1/plan?from=15.4.6&conditions=everything",
    })
    void apiRefusesBadInputWithA400AndAMessage(String path) throws Exception {
        var response = portal.get(path);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertFalse(error.get("error").asText().isBlank());
    }

    @Test
    void homePageLinksToAPlanFromTheCheckedVersion() {
        String body = portal.get("/?version=15.4.6").body();
        assertTrue(body.contains("href=\"/gitlab/plan?from=15.4.6&amp;to=18.11.11\""), body);
        assertEquals(200, portal.get("/gitlab/plan?from=15.4.6&to=18.11.11").statusCode());
    }
}

package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The catalog's pages through HTTP, with the clock on 1 June 2026. */
@Tag("functional")
class CatalogPagesHttpTest {
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
    void healthzAnswersOnceReady() {
        var response = portal.get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("ok", response.body());
    }

    @Test
    void homeShowsTheCheckBoxAndTheCurrentAndLtsLines() {
        var response = portal.get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = response.body();
        assertTrue(body.contains("Is my GitLab version supported?"));
        assertTrue(body.contains("href=\"/gitlab/19.0\""), "19.0 is maintained on 1 June 2026");
        assertTrue(body.contains("href=\"/gitlab/18.11\""), "18.11 is the LTS line");
        assertFalse(body.contains("href=\"/gitlab/18.8\""), "18.8 ended on 16 April 2026");
        assertFalse(body.contains("id=\"answer\""), "no answer before a question");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.3", "17.3.7", "v17.3.7-ee", "%2017.3.7%20"})
    void endOfLifeVersionsAreToldPlainly(String version) {
        String body = portal.get("/?version=" + version).body();
        assertTrue(body.contains("is no longer supported"), body);
        assertTrue(body.contains("We recommend upgrading to 18.11.11"), body);
        assertTrue(body.contains("/gitlab/plan?from=17.3"), body);
    }

    @Test
    void aSupportedVersionSaysUntilWhenAndTheLatestPatch() {
        String body = portal.get("/?version=18.11.2").body();
        assertTrue(body.contains("GitLab 18.11.2 is supported: long-term support."), body);
        assertTrue(body.contains("16 Apr 2027"), body);
        assertTrue(body.contains("The newest patch of the line is 18.11.11"), body);
    }

    @Test
    void garbageGetsAFriendlyMessageNotAnError() {
        var response = portal.get("/?version=%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("We could not read"), response.body());
        assertFalse(response.body().contains("<script>alert"), "input must be escaped");
    }

    @Test
    void versionsOutsideTheCatalogAreExplained() {
        assertTrue(portal.get("/?version=12.10.1").body().contains("GitLab 12.10.1 is no longer supported"));
        assertTrue(portal.get("/?version=30.1").body().contains("is not in our catalog yet"));
    }

    @Test
    void lifecycleTableHasEveryLineWithOlderOnesFolded() {
        var response = portal.get("/gitlab");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertEquals(66, count(body, "data-cycle=\""));
        assertTrue(body.contains("Show older release lines"));
        String visible = body.substring(0, body.indexOf("<details class=\"older\""));
        assertTrue(visible.contains("data-cycle=\"19.0\""));
        assertTrue(visible.contains("data-cycle=\"18.11\""));
        assertFalse(visible.contains("data-cycle=\"16.0\""), "long-ended lines fold behind 'show older'");
        assertTrue(body.contains("class=\"ended\""), "ended rows are marked to be struck through");
        assertTrue(body.contains("phase soon"), "18.10's end of maintenance is 17 days away: ending soon");
        assertTrue(body.contains("in 17 days"), "relative dates");
        assertTrue(body.contains("18 Jun 2026"), "absolute dates");
        assertTrue(body.contains("id=\"lts-policy\""));
    }

    @Test
    void aSupportedLtsLineBehindManyEndedLinesIsNeverFolded() {
        try (TestPortal march = TestPortal.at("2026-03-01T12:00:00Z")) {
            String body = march.get("/gitlab").body();
            String visible = body.substring(0, body.indexOf("<details class=\"older\""));
            assertTrue(visible.contains("data-cycle=\"17.11\""), "17.11 is in long-term support until April 2026");
            assertFalse(visible.contains("data-cycle=\"18.0\""), "seven ended lines stand between: the seventh folds");
            assertTrue(body.substring(body.indexOf("<details class=\"older\"")).contains("data-cycle=\"18.0\""));
        }
    }

    @Test
    void linePageShowsDatesStatusAndSanitizedNotes() {
        var response = portal.get("/gitlab/18.11");
        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("18.11.11"));
        assertTrue(body.contains("Long-term support"));
        assertTrue(body.contains("16 Apr 2027"));
        assertTrue(body.contains("required upgrade stop"), "the line's notes are rendered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gitlab/99.1", "/gitlab/abc", "/gitlab/18.11.2", "/ubuntu", "/gitlab/18.11/extra"})
    void unknownProductOrLineIsAFriendlyHtml404(String path) {
        var response = portal.get(path);
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        assertTrue(response.body().contains("browse every GitLab release line"), response.body());
        assertFalse(response.body().contains("Exception"));
    }

    @Test
    void timelineIsAnSvgWithPhasesTodayAndLtsMarked() throws Exception {
        var response = portal.get("/gitlab/timeline.svg");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        Document svg = xml(response.body());
        NodeList groups = svg.getElementsByTagName("g");
        int lts = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").contains("lts")) {
                lts++;
                assertEquals("18.11", g.getAttribute("data-line"));
            }
        }
        assertEquals(1, lts);
        // On 1 June 2026: 19.1 to 19.3 upcoming; 19.0, 18.11 (LTS), 18.10 maintained; then the last four ended.
        assertEquals(3 + 3 + TimelineChart.ENDED_SHOWN, groups.getLength());
        assertTrue(response.body().contains("class=\"today\""));
    }

    @Test
    void theLifecyclePageDrawsTheTimelineInlineWithALegendAndTheSameDataAsATable() throws Exception {
        String body = portal.get("/gitlab").body();
        String svg = body.substring(body.indexOf("<svg"), body.indexOf("</svg>") + "</svg>".length());
        Document chart = xml(svg);
        assertEquals("img", chart.getDocumentElement().getAttribute("role"));
        assertEquals("GitLab release lines: support timeline as of 1 Jun 2026", titleOf(chart));
        NodeList bars = chart.getElementsByTagName("rect");
        boolean tooltip = false;
        for (int i = 0; i < bars.getLength(); i++) {
            tooltip |= bars.item(i).getTextContent().equals("18.11 LTS, long-term support: 21 May 2026 to 16 Apr 2027");
        }
        assertTrue(tooltip, "each bar says its line, phase and dates in a tooltip");
        assertFalse(svg.contains("Security fixes only</text>"), "the inline chart leaves its legend to the page");
        String legend = body.substring(body.indexOf("<ul class=\"timeline-legend\""), body.indexOf("</ul>", body.indexOf("timeline-legend")));
        for (String item : List.of("Maintained (bug and security fixes)", "Security fixes only", "Long-term support", "Today")) {
            assertTrue(legend.contains(item), item);
        }
        String table = body.substring(body.indexOf("<details class=\"timeline-text\""), body.indexOf("</details>", body.indexOf("timeline-text")));
        assertEquals(chart.getElementsByTagName("g").getLength(), count(table, "<th scope=\"row\">"), "a row for every bar");
        assertTrue(table.contains("Long-term support, 21 May 2026 to 16 Apr 2027"), table);
        assertTrue(table.contains("End of life"), "ended lines are said to be ended");
    }

    @Test
    void theTimelineUsesAmberAndRedForNothingAndItsTextMeetsContrast() throws Exception {
        String svg = portal.get("/gitlab/timeline.svg").body();
        for (String amberOrRed : List.of("#f9a825", "#c62828", "#777\"")) {
            assertFalse(svg.contains(amberOrRed), amberOrRed + " meant something else, or was too faint");
        }
        Document chart = xml(svg);
        NodeList texts = chart.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            String fill = ((Element) texts.item(i)).getAttribute("fill");
            assertTrue(contrastOnWhite(fill) >= 4.5, fill + " on white for " + texts.item(i).getTextContent());
        }
    }

    private static String titleOf(Document chart) {
        return chart.getElementsByTagName("title").item(0).getTextContent();
    }

    /** WCAG 2.x contrast ratio of a #rrggbb or #rgb colour against white. */
    private static double contrastOnWhite(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (l + 0.05);
    }

    @Test
    void staticFilesAreServed() {
        var response = portal.get("/static/portal.css");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("LTS Portal"));
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(String haystack, String needle) {
        return (int) Pattern.compile(Pattern.quote(needle)).matcher(haystack).results().count();
    }
}

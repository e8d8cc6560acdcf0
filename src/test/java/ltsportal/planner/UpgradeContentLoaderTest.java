package ltsportal.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ltsportal.notes.ContentError;
import ltsportal.notes.Markdown;
import ltsportal.support.TestPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The content check for stops and alerts: known lines, ordered ranges, errors with file and line. */
class UpgradeContentLoaderTest {
    @TempDir
    Path dir;

    private UpgradeRules load(String stops, String alerts) throws IOException {
        Files.createDirectories(dir.resolve("gitlab"));
        Files.writeString(dir.resolve("gitlab/stops.yml"), stops);
        Files.writeString(dir.resolve("gitlab/alerts.yml"), alerts);
        return new UpgradeContentLoader(dir, TestPortal.catalog(), new Markdown()).load();
    }

    private static final String STOPS = """
            stops:
              - version: "16.3"
                kind: required
                reason: Finalizes migrations.
              - version: "16.1"
                kind: conditional
                key: npm-packages
                condition: "npm packages in the registry"
                reason: Needs it.
            """;
    private static final String ALERTS = """
            alerts:
              - title: "Tokens"
                start: "16.0.0"
                end: "16.11.10"
                severity: error
                check: before
                message: |
                  **Tokens** expire.
            """;

    @Test
    void loadsStopsInVersionOrderWithRenderedMarkdown() throws IOException {
        UpgradeRules rules = load(STOPS, ALERTS);
        assertEquals("16.1.8", rules.stops().get(0).version().toString(), "resolved to the newest patch");
        assertEquals("16.3.9", rules.stops().get(1).version().toString());
        assertTrue(rules.alerts().get(0).messageHtml().contains("<strong>Tokens</strong>"));
    }

    @Test
    void thePaceIsReadWithItsLongRunningStops() throws IOException {
        UpgradeRules plain = load(STOPS, ALERTS);
        assertEquals(UpgradeRules.Pace.DEFAULT, plain.pace(), "without the fields, the default pace");
        UpgradeRules paced = load("hopMinutes: 30\nlongHopMinutes: 240\n" + STOPS.replace("kind: required\n",
                "kind: required\n    duration: long\n"), ALERTS);
        assertEquals(new UpgradeRules.Pace(30, 240), paced.pace());
        assertTrue(paced.stops().stream().filter(s -> s.line().name().equals("16.3")).findFirst().orElseThrow().longRunning());
        assertTrue(!paced.stops().stream().filter(s -> s.line().name().equals("16.1")).findFirst().orElseThrow().longRunning());
        ContentError duration = assertThrows(ContentError.class, () -> load(STOPS.replace("kind: required\n",
                "kind: required\n    duration: forever\n"), ALERTS));
        assertTrue(duration.getMessage().contains("stops.yml:") && duration.getMessage().contains("field 'duration'"), duration.getMessage());
        ContentError pace = assertThrows(ContentError.class, () -> load("hopMinutes: 0\n" + STOPS, ALERTS));
        assertTrue(pace.getMessage().contains("field 'hopMinutes'"), pace.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stops.yml:2: field 'version'|version: \"16.3\"|version: \"12.1\"",
            "stops.yml:3: field 'kind'|kind: required|kind: mandatory",
            "stops.yml:7: field 'key'|key: npm-packages|key: NPM Packages",
            "stops.yml:5: field 'version'|version: \"16.3\"|version: \"16.1\"",
    })
    void badStopsAreNamedByFileAndLine(String where, String original, String replacement) {
        ContentError e = assertThrows(ContentError.class, () -> load(STOPS.replace(original, replacement), ALERTS));
        assertTrue(e.getMessage().contains(where), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alerts.yml:4: field 'end'|end: \"16.11.10\"|end: \"15.11.0\"",
            "alerts.yml:4: field 'end'|end: \"16.11.10\"|end: \"16.12.0\"",
            "alerts.yml:3: field 'start'|start: \"16.0.0\"|start: \"16\"",
            "alerts.yml:5: field 'severity'|severity: error|severity: fatal",
            "alerts.yml:6: field 'check'|check: before|check: later",
            "alerts.yml:6: field 'colour'|check: before|colour: red",
    })
    void badAlertsAreNamedByFileAndLine(String where, String original, String replacement) {
        ContentError e = assertThrows(ContentError.class, () -> load(STOPS, ALERTS.replace(original, replacement)));
        assertTrue(e.getMessage().contains(where), e.getMessage());
    }
}

package ltsportal.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.catalog.Version;
import ltsportal.notes.Markdown;

/**
 * Jazzer fuzz tests. Under `mvn verify` they run in regression mode over the seeds in
 * src/test/resources/ltsportal/fuzz/ParsingFuzzTestInputs; JAZZER_FUZZ=1 fuzzes for real.
 */
class ParsingFuzzTest {
    private static final Markdown MARKDOWN = new Markdown();
    private static final Pattern URL = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=");

    @FuzzTest(maxDuration = "30s")
    void versionParsingNeverThrowsAndRoundTrips(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        Version.parse(input).ifPresent(v -> {
            assertEquals(v, Version.parse(v.toString()).orElseThrow(), "a parsed version prints back to itself");
            assertTrue(v.major() < 1000 && v.minor() < 1000);
        });
    }

    @FuzzTest(maxDuration = "30s")
    void markdownNeverYieldsScriptOrUnsafeLinks(FuzzedDataProvider data) {
        String html = MARKDOWN.toSafeHtml(data.consumeRemainingAsString()).toLowerCase(Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(EVENT_HANDLER.matcher(html).find(), html);
        Matcher urls = URL.matcher(html);
        while (urls.find()) {
            String url = urls.group(1).strip();
            assertTrue(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")
                    || url.startsWith("#") || !url.contains(":"), "unsafe URL: " + url);
        }
    }
}

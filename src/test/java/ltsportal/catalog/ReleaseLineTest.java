package ltsportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A line's notes embedded beside other lines' notes keep unique ids and working in-page links. */
class ReleaseLineTest {
    @Test
    void embeddedNotesPrefixEveryIdAndInPageLinkWithTheLine() {
        var line = new ReleaseLine(Version.parse("18.11").orElseThrow(), LocalDate.parse("2026-05-21"), null, null, false, null,
                Version.parse("18.11.2").orElseThrow(), null,
                "<h2 id=\"what-changes\"><a href=\"#what-changes\" class=\"anchor\">#</a>What changes</h2>"
                        + "<p>See <a href=\"https://docs.gitlab.com/#x\">docs</a>.</p>");
        assertEquals("<h2 id=\"gitlab-18-11-what-changes\"><a href=\"#gitlab-18-11-what-changes\" class=\"anchor\">#</a>What changes</h2>"
                + "<p>See <a href=\"https://docs.gitlab.com/#x\">docs</a>.</p>", line.notesHtmlEmbedded());
    }
}

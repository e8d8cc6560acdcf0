package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates escape: th:utext is allowed only for Markdown HTML that went through the sanitizer, and for
 * the timeline's and the fleet trend's SVG, which the server draws with every text escaped or a number.
 */
class TemplatesTest {
    /** Every unescaped output in the templates, each a field filled by Markdown.toSafeHtml at content load. */
    private static final List<String> ALLOWED = List.of(
            "assistance/conversation.html: ${m.bodyHtml()}", // Messages: Markdown.toSafeHtml
            "assistance/review.html: ${r.commentHtml()}", // AssistancePages: Markdown.toSafeHtml
            "assistance/review.html: ${r.planHtml()}",
            "assistance/review.html: ${r.rollbackHtml()}",
            "catalog/line.html: ${line.notesHtml()}",
            "catalog/lifecycle.html: ${timelineSvg}", // TimelineChart.inlineSvg: drawn on the server, every text XML-escaped
            "fleet/dashboard.html: ${chartSvg}", // FleetChart.svg: drawn on the server, its only texts numbers and dates
            "planner/hop.html: ${hop.stop().reasonHtml()}",
            "planner/hop.html: ${a.messageHtml()}",
            "planner/hop.html: ${l.notesHtmlEmbedded()}", // the sanitized notes with a [a-z0-9-] prefix in ids and #links
            "spikes/show.html: ${spike.descriptionHtml()}",
            "spikes/manage-edit.html: ${spike.descriptionHtml()}",
            "spikes/booking.html: ${completing.notesHtml()}"); // Completion.notesHtml: Markdown.toSafeHtml

    @Test
    void unescapedOutputOnlyWhereSanitizedHtmlGoes() throws IOException {
        Path root = Path.of("templates");
        List<String> found = new ArrayList<>();
        Pattern utext = Pattern.compile("th:utext=\"([^\"]*)\"");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = utext.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(root.relativize(file).toString().replace('\\', '/') + ": " + m.group(1));
                }
                String text = Files.readString(file);
                assertEquals(-1, text.indexOf("th:inline=\"javascript\""), file + " must not inline script");
                assertEquals(-1, text.indexOf("[(${"), file + " must not use unescaped inline expressions");
            }
        }
        assertEquals(ALLOWED.stream().sorted().toList(), found.stream().sorted().toList());
    }
}

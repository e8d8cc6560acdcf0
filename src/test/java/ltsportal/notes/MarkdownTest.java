package ltsportal.notes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click](java&#115;cript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div onclick=\"alert(1)\">x</div>",
            "![x](javascript:alert(1))",
            "[x]: javascript:alert(1)\n\n[link][x]",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "[x](  javascript:alert(1) )",
            "<javascript:alert(1)>",
    })
    void knownBypassesNeverSurvive(String input) {
        String html = markdown.toSafeHtml(input).toLowerCase(Locale.ROOT);
        Matcher urls = Pattern.compile("(href|src|action|formaction)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (urls.find()) {
            String url = urls.group(2);
            assertTrue(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("mailto:")
                    || url.startsWith("#"), "unsafe URL survived: " + html);
        }
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<svg"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(Pattern.compile("<[^>]+\\son[a-z]+\\s*=").matcher(html).find(), html);
    }

    @Test
    void keepsTablesLinksHeadingsAndCode() {
        String html = markdown.toSafeHtml("""
                ## Before you upgrade

                | Check | Command |
                |---|---|
                | migrations | `gitlab-rake` |

                See https://docs.gitlab.com/update/ and [the notes](https://docs.gitlab.com/).

                ```shell
                sudo gitlab-rake gitlab:background_migrations:list
                ```
                """);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("href=\"https://docs.gitlab.com/update/\""), html);
        assertTrue(html.contains("<h2>"), html);
        assertTrue(html.contains("id=\"before-you-upgrade\""), html);
        assertTrue(html.contains("<pre><code"), html);
        assertTrue(html.contains("noopener") && html.contains("noreferrer"), html);
    }
}

package ltsportal.notes;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown from content/ to HTML that is safe to put in a page: flexmark renders (raw HTML escaped),
 * then the OWASP sanitizer keeps only formatting, tables, headings with anchors and http(s)/mailto
 * links. Render once per content load, never per request.
 */
public final class Markdown {
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final PolicyFactory policy;

    public Markdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), AnchorLinkExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false);
        options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
        options.set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX, "#");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.policy = Sanitizers.FORMATTING
                .and(Sanitizers.BLOCKS)
                .and(Sanitizers.TABLES)
                .and(new HtmlPolicyBuilder()
                        .allowElements("a")
                        .allowStandardUrlProtocols() // http, https, mailto only
                        .allowAttributes("href").onElements("a")
                        .allowAttributes("id", "class").matching(Pattern.compile("[A-Za-z0-9_-]{1,80}")).onElements("a")
                        .requireRelsOnLinks("noopener", "noreferrer")
                        .allowElements("pre", "code", "hr", "del", "s")
                        .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,30}"))
                        .onElements("code")
                        .toFactory());
    }

    public String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return policy.sanitize(html);
    }
}

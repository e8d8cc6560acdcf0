package ltsportal.mail;

import java.util.HashMap;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message's two bodies from {@code templates/mail/NAME.txt} (Thymeleaf's text mode) and
 * {@code templates/mail/NAME.html} (escaped like every page). Each gets {@code baseUrl} and
 * {@code settingsUrl}, the recipient's notification settings, for the footer.
 */
public final class MailTemplates {
    private final TemplateEngine text = engine(".txt", TemplateMode.TEXT);
    private final TemplateEngine html = engine(".html", TemplateMode.HTML);
    private final String baseUrl;

    public MailTemplates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Bodies(String text, String html) {
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Bodies render(String name, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("baseUrl", baseUrl);
        all.put("settingsUrl", baseUrl + "/account/notifications");
        return new Bodies(text.process(name, new Context(null, all)), html.process(name, new Context(null, all)));
    }

    /** A letter from a template: the recipient's name and address, its key, kind and subject. */
    public Letter letter(String key, String kind, String toEmail, String toName, String subject, String template,
                         Map<String, Object> values, String calendar, String calendarMethod, boolean optional) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("recipientName", toName == null || toName.isBlank() ? toEmail : toName);
        all.put("optional", optional);
        Bodies bodies = render(template, all);
        return new Letter(key, kind, toEmail, toName, subject, bodies.text(), bodies.html(), calendar, calendarMethod, optional);
    }

    private static TemplateEngine engine(String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}

package ltsportal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import ltsportal.db.tables.records.OutboxMessageRecord;
import org.junit.jupiter.api.Test;

/** Nothing a user typed reaches a header as a header of its own; names are encoded; bodies are escaped. */
class MailHeadersTest {
    private static OutboxMessageRecord row(String name, String subject) {
        var r = new OutboxMessageRecord();
        r.setId(7L);
        r.setDedupeKey("test:7");
        r.setKind("test");
        r.setRecipientEmail("ada@example.test");
        r.setRecipientName(name);
        r.setSubject(subject);
        r.setTextBody("text");
        r.setHtmlBody("<p>html</p>");
        r.setOptional(true);
        r.setCreatedAt(OffsetDateTime.parse("2026-06-01T12:00:00Z"));
        return r;
    }

    private static String raw(MimeMessage m) throws Exception {
        var out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lineBreaksInANameOrSubjectAreFoldedAwayAndNonAsciiIsEncoded() throws Exception {
        var mailer = new SmtpMailer(MailConfig.local(2525, "https://portal.example.test"), "https://portal.example.test");
        MimeMessage m = mailer.build(row("Ada\r\nBcc: victim@evil.test", "Hello\r\nBcc: victim@evil.test"));
        String raw = raw(m);
        assertFalse(raw.contains("\r\nBcc:"), raw);
        assertEquals(1, m.getAllRecipients().length, "no recipient added");
        assertEquals("Hello Bcc: victim@evil.test", m.getSubject(), "one line");
        MimeMessage accented = mailer.build(row("Zoë Müller", "Grüße"));
        String head = raw(accented).substring(0, raw(accented).indexOf("\r\n\r\n"));
        assertTrue(head.contains("=?UTF-8?"), "encoded words (RFC 2047): " + head);
        assertFalse(head.contains("Zoë"), head);
        assertTrue(head.contains("Message-ID: <") && head.contains(".7@portal.example.test>"), head);
        assertTrue(head.contains("List-Unsubscribe: <https://portal.example.test/account/notifications>"), head);
        assertTrue(head.contains("Auto-Submitted: auto-generated"), head);
    }

    @Test
    void whatAUserTypedIsEscapedInTheHtmlBody() {
        var templates = new MailTemplates("https://portal.example.test");
        var bodies = templates.render("account", Map.of("recipientName", "<b>Mallory</b>", "headline", "<script>alert(1)</script>",
                "action", "Go", "link", "https://portal.example.test/login", "note", "n"));
        assertFalse(bodies.html().contains("<script>"), bodies.html());
        assertTrue(bodies.html().contains("&lt;script&gt;"));
        assertFalse(bodies.html().contains("<b>Mallory</b>"));
        assertTrue(bodies.text().contains("<script>alert(1)</script>"), "the plain text part is plain text, shown as typed");
    }
}

package ltsportal.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import ltsportal.db.tables.records.OutboxMessageRecord;
import ltsportal.web.Sha256;

/**
 * Turns an outbox row into a MIME message and hands it to the SMTP server. Bodies are
 * {@code multipart/alternative}: plain text, HTML and, for a booking, the invitation as
 * {@code text/calendar; method=...} (what calendar clients read as an invitation).
 */
public final class SmtpMailer {
    private final MailConfig config;
    private final Session session;
    private final String settingsUrl;

    /** {@code baseUrl}: the portal's, for the List-Unsubscribe link to the notification settings. */
    public SmtpMailer(MailConfig config, String baseUrl) {
        this.config = config;
        this.settingsUrl = baseUrl + "/account/notifications";
        Properties p = new Properties();
        String proto = config.tls() == MailConfig.Tls.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", config.host() == null ? "localhost" : config.host());
        p.put("mail." + proto + ".port", String.valueOf(config.port()));
        // A slow or silent server must never hold a sender for long.
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "20000");
        p.put("mail." + proto + ".writetimeout", "20000");
        p.put("mail." + proto + ".auth", String.valueOf(config.user() != null));
        if (config.tls() == MailConfig.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (config.tls() != MailConfig.Tls.NONE) {
            p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        }
        p.put("mail." + proto + ".localhost", config.domain());
        this.session = Session.getInstance(p);
    }

    /** The server refused the recipient for good: no retry will help. */
    public static final class Permanent extends Exception {
        private static final long serialVersionUID = 1L;

        Permanent(String message) {
            super(message);
        }
    }

    public void send(OutboxMessageRecord m) throws MessagingException, Permanent {
        MimeMessage message;
        try {
            address(m.getRecipientEmail(), m.getRecipientName()).validate();
            message = build(m);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new Permanent("\"" + m.getRecipientEmail() + "\" is not an address mail can be sent to: " + e.getMessage());
        }
        try (Transport transport = session.getTransport()) {
            transport.connect(config.host(), config.port(), config.user(), config.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            if ((invalid != null && invalid.length > 0) || returnCode(e) >= 500) {
                throw new Permanent("The server refused " + m.getRecipientEmail() + ": " + serverAnswer(e));
            }
            throw e;
        }
    }

    /** The SMTP reply code behind a refusal (5xx: permanent, RFC 5321), or 0 when none is known. */
    private static int returnCode(Exception e) {
        for (Throwable t = e; t != null; t = t instanceof MessagingException me ? me.getNextException() : null) {
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f) {
                return f.getReturnCode();
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException f) {
                return f.getReturnCode();
            }
        }
        return 0;
    }

    private static String serverAnswer(MessagingException e) {
        Exception next = e.getNextException();
        return next != null && next.getMessage() != null ? next.getMessage().strip() : String.valueOf(e.getMessage()).strip();
    }

    /** The MIME message of an outbox row; its Message-ID is fixed by the row, so a resend is the same message. */
    public MimeMessage build(OutboxMessageRecord m) throws MessagingException {
        String messageId = "<" + Sha256.hex(m.getDedupeKey()).substring(0, 32) + "." + m.getId() + "@" + config.domain() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(config.from()));
        message.setRecipient(Message.RecipientType.TO, address(m.getRecipientEmail(), m.getRecipientName()));
        message.setSubject(Outbox.oneLine(m.getSubject()), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (Boolean.TRUE.equals(m.getOptional())) {
            message.setHeader("List-Unsubscribe", "<" + settingsUrl + ">");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.getTextBody(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.getHtmlBody(), "UTF-8", "html");
        alternative.addBodyPart(html);
        if (m.getCalendar() != null) {
            MimeBodyPart calendar = new MimeBodyPart();
            String type = "text/calendar; charset=UTF-8; method=" + m.getCalendarMethod();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(m.getCalendar().getBytes(StandardCharsets.UTF_8), type)));
            calendar.setHeader("Content-Type", type);
            calendar.setHeader("Content-Transfer-Encoding", "base64");
            alternative.addBodyPart(calendar);
        }
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** The recipient with their name encoded (RFC 2047); a name with line breaks is folded to one line first. */
    static InternetAddress address(String email, String name) throws MessagingException {
        try {
            return name == null || name.isBlank() ? new InternetAddress(email, true)
                    : new InternetAddress(email, Outbox.oneLine(name), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

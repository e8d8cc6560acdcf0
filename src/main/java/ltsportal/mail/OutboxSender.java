package ltsportal.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (the outbox job, every few seconds): claims what is due and sends it, one message at a time,
 * marking each as soon as the server took it. Never part of a web request, so a server that is down, slow or refusing
 * never blocks or fails one. Without SMTP configured nothing is sent, and messages wait in the outbox for admins to
 * read.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Few at a time, so that a claim (see {@link MailConfig#claim}) covers their sending with room to spare. */
    private static final int BATCH = 5;

    private final Outbox outbox;
    private final SmtpMailer mailer;

    /** {@code mailer} null: nothing is sent. */
    public OutboxSender(Outbox outbox, SmtpMailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
    }

    /** One round: every message due, until none is left. How many were sent. */
    public int runOnce() {
        if (mailer == null) {
            return 0;
        }
        int sent = 0;
        List<ltsportal.db.tables.records.OutboxMessageRecord> due;
        while (!(due = outbox.claim(BATCH)).isEmpty()) {
            for (int i = 0; i < due.size(); i++) {
                var m = due.get(i);
                try {
                    mailer.send(m);
                    outbox.sent(m.getId());
                    sent++;
                } catch (SmtpMailer.Permanent e) {
                    LOG.warn("Message {} ({}) to {} given up: {}", m.getId(), m.getKind(), m.getRecipientEmail(), e.getMessage());
                    outbox.failed(m, e.getMessage(), true);
                } catch (Exception e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    LOG.debug("Message {} ({}) not sent yet: {}", m.getId(), m.getKind(), why);
                    outbox.failed(m, why, false);
                    // The server is down or refusing: the rest waits for the next round, and the job's run fails (logged
                    // once until the server takes mail again, and shown on /admin/jobs).
                    outbox.release(due.subList(i + 1, due.size()).stream().map(r -> r.getId()).toList());
                    throw new NotTaken("the mail server did not take message " + m.getId() + " (" + sent + " sent before it): " + why);
                }
            }
        }
        return sent;
    }

    /** The mail server is down or refused a message for now: the round stops, the message waits for its next attempt. */
    public static final class NotTaken extends RuntimeException {
        NotTaken(String message) {
            super(message);
        }
    }
}

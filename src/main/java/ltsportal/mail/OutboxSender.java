package ltsportal.mail;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background: every few seconds it runs the scheduled producers (reminders,
 * lifecycle alerts), then claims what is due and sends it, one message at a time, marking each as
 * soon as the server took it. Never part of a web request, so a server that is down, slow or refusing
 * never blocks or fails one. Without SMTP configured only the producers run, and messages wait in the
 * outbox for admins to read.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Few at a time, so that a claim (see {@link MailConfig#claim}) covers their sending with room to spare. */
    private static final int BATCH = 5;

    private final Outbox outbox;
    private final SmtpMailer mailer;
    private final List<Runnable> producers;
    private ScheduledExecutorService executor;

    /** {@code mailer} null: nothing is sent. */
    public OutboxSender(Outbox outbox, SmtpMailer mailer, List<Runnable> producers) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.producers = List.copyOf(producers);
    }

    public synchronized void start(long everyMillis) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-sender");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::safely, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The database may be down: the next round tries again.
            LOG.warn("Outbox round failed: {}", e.toString());
        }
    }

    /** One round: the producers, then every message due, until none is left. How many were sent. */
    public int runOnce() {
        for (Runnable producer : producers) {
            producer.run();
        }
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
                    LOG.info("Message {} ({}) not sent yet: {}", m.getId(), m.getKind(), e.toString());
                    outbox.failed(m, e.getMessage() == null ? e.toString() : e.getMessage(), false);
                    // The server is down or refusing: the rest waits for the next round.
                    outbox.release(due.subList(i + 1, due.size()).stream().map(r -> r.getId()).toList());
                    return sent;
                }
            }
        }
        return sent;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}

package ltsportal.mail;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/**
 * {@code /admin/outbox}: every message the portal queued, newest first, and each in full. Without SMTP
 * configured this is where the demo's mail can be read; with it, where failures show and are retried.
 */
public final class OutboxPages {
    static final List<String> STATES = java.util.Arrays.stream(OutboxStatus.values()).map(OutboxStatus::key).toList();
    private final Outbox outbox;

    public OutboxPages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One row of the list. */
    public record Row(long id, Instant queued, String kind, String to, String subject, String status, int attempts, String error,
                      Instant sentAt) {
    }

    public record ListPage(List<Row> messages, String status, List<String> states, int page, boolean more, Map<String, String> errors) {
    }

    public record MessagePage(Row message, String text, String html, String calendar, String calendarMethod, boolean optional) {
    }

    public void list(Context ctx) {
        Form in = Form.ofQuery(ctx);
        String status = in.text("status");
        String rawPage = in.text("page");
        in.check(status.isEmpty() || STATES.contains(status), "status", "Choose a status from the list.");
        in.check(rawPage.isEmpty() || rawPage.matches("[1-9]\\d{0,5}"), "page", "There is no such page.");
        if (!in.valid()) {
            Templates.render(ctx, Form.INVALID, "mail/outbox", new ListPage(List.of(), status, STATES, 1, false, in.errors()));
            return;
        }
        int page = rawPage.isEmpty() ? 1 : Integer.parseInt(rawPage);
        var rows = outbox.page(status, page - 1);
        boolean more = rows.size() > Outbox.PAGE;
        Templates.render(ctx, "mail/outbox", new ListPage(rows.stream().limit(Outbox.PAGE).map(OutboxPages::row).toList(), status,
                STATES, page, more, Map.of()));
    }

    public void show(Context ctx) {
        var m = outbox.byId(id(ctx)).orElseThrow(() -> new PageNotFound("There is no message with this number."));
        Templates.render(ctx, "mail/message", new MessagePage(row(m), m.getTextBody(), m.getHtmlBody(), m.getCalendar(),
                m.getCalendarMethod(), m.getOptional()));
    }

    public void retry(Context ctx) {
        long id = id(ctx);
        if (outbox.byId(id).isEmpty()) {
            throw new PageNotFound("There is no message with this number.");
        }
        if (!outbox.retry(id)) {
            Flash.redirect(ctx, "/admin/outbox/" + id, "Only a message that failed can be retried; this one is not.");
            return;
        }
        Flash.redirect(ctx, "/admin/outbox/" + id, "The message is queued again: the sender tries it within seconds.");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is no message with this number.");
        }
    }

    private static Row row(ltsportal.db.tables.records.OutboxMessageRecord m) {
        return new Row(m.getId(), m.getCreatedAt().toInstant(), m.getKind(),
                m.getRecipientName() == null ? m.getRecipientEmail() : m.getRecipientName() + " <" + m.getRecipientEmail() + ">",
                m.getSubject(), m.getStatus().key(), m.getAttempts(), m.getLastError(), m.getSentAt() == null ? null : m.getSentAt().toInstant());
    }
}

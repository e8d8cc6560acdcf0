package ltsportal.accounts;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import ltsportal.web.Csv;
import ltsportal.web.Form;
import ltsportal.web.Templates;

/**
 * The audit log for admins: {@code /admin/audit}, 50 events a page, newest first, filtered by actor, kind and days
 * (in the admin's time zone), and {@code /admin/audit.csv} with the same filters, every matching row. Pages
 * follow a keyset ({@code ?after=<event id>}, the last event shown), never an offset or a count, so a page
 * deep in a large log costs what the first one does.
 */
public final class AuditPages {
    static final int PAGE = 50;
    private final AuditLog audit;

    public AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    /** The filters as typed (kept on the page when one is refused). */
    public record FilterForm(String actor, String kind, String from, String to) {
        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "actor", actor);
            append(q, "kind", kind);
            append(q, "from", from);
            append(q, "to", to);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (!value.isEmpty()) {
                q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code olderHref}: the next page (null on the last); {@code paged}: this is not the first page. */
    public record AuditPage(List<AuditLog.Event> events, FilterForm form, Map<String, String> errors, List<String> kinds,
                            String olderHref, boolean paged, String query) {
    }

    private record Bound(FilterForm form, AuditLog.Filter filter, Form in) {
    }

    private Bound bind(Context ctx) {
        Form in = Form.ofQuery(ctx);
        var form = new FilterForm(in.text("actor"), in.text("kind"), in.text("from"), in.text("to"));
        in.atMost("actor", form.actor(), 254, "Give at most 254 characters of the actor's email.");
        List<String> kinds = audit.kinds();
        in.check(form.kind().isEmpty() || kinds.contains(form.kind()), "kind", "Choose a kind from the list.");
        ZoneId zone = Auth.user(ctx).zone();
        LocalDate from = form.from().isEmpty() ? null : in.date("from", form.from(), "Give the first day as YYYY-MM-DD.");
        LocalDate to = form.to().isEmpty() ? null : in.date("to", form.to(), "Give the last day as YYYY-MM-DD.");
        if (from != null && to != null) {
            in.check(!to.isBefore(from), "to", "The last day cannot be before the first.");
        }
        var filter = new AuditLog.Filter(form.actor(), form.kind(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        return new Bound(form, filter, in);
    }

    public void page(Context ctx) {
        User admin = Auth.user(ctx);
        Bound b = bind(ctx);
        if (!b.in().valid()) {
            Templates.render(ctx, Form.INVALID, "accounts/audit", new AuditPage(List.of(), b.form(), b.in().errors(),
                    audit.kinds(), null, false, b.form().query()));
            return;
        }
        String asked = b.in().text("after");
        Long after = asked.matches("\\d{1,18}") ? Long.valueOf(asked) : null;
        List<AuditLog.Event> fetched = audit.page(admin, b.filter(), after, PAGE + 1);
        boolean more = fetched.size() > PAGE;
        List<AuditLog.Event> shown = more ? fetched.subList(0, PAGE) : fetched;
        String older = more ? "/admin/audit?after=" + shown.get(shown.size() - 1).id() + b.form().query() : null;
        Templates.render(ctx, "accounts/audit", new AuditPage(List.copyOf(shown), b.form(), Map.of(), audit.kinds(), older,
                after != null, b.form().query()));
    }

    /** The same filters as CSV (RFC 4180), every matching row, streamed; cells that a spreadsheet would run as formulas are defused. */
    public void csv(Context ctx) {
        User admin = Auth.user(ctx);
        Bound b = bind(ctx);
        if (!b.in().valid()) {
            ctx.status(Form.INVALID).contentType("text/plain; charset=utf-8")
                    .result(String.join("\n", b.in().errors().values()) + "\n");
            return;
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        ctx.header("Cache-Control", "no-store");
        try {
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            out.write("occurred_at,event,actor,subject,detail,address,repeats,last_at\r\n");
            audit.each(admin, b.filter(), e -> {
                try {
                    out.write(Csv.row(e.at().toString(), e.event(), e.actorEmail(), e.subject(), e.detail(), e.ip(),
                            String.valueOf(e.repeats()), e.lastAt() == null ? "" : e.lastAt().toString()));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

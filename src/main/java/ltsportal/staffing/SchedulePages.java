package ltsportal.staffing;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ltsportal.accounts.Auth;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Tokens;
import ltsportal.accounts.User;
import ltsportal.spikes.Bookings;
import ltsportal.web.ClientAddress;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** An engineer's own schedule: upcoming assignments, and a calendar feed behind a secret token. */
public final class SchedulePages {
    private final Engineers engineers;
    private final Assignments assignments;
    private final Bookings bookings;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    public SchedulePages(Engineers engineers, Assignments assignments, Bookings bookings, AuditLog audit, Clock clock,
                         String baseUrl) {
        this.engineers = engineers;
        this.assignments = assignments;
        this.bookings = bookings;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** One assignment with its booking; cancelled when taken off or when the booking was cancelled. */
    public record SchedulePage(Engineer engineer, List<ScheduleEntry> upcoming, boolean subscribed, String feedUrl) {
    }

    public void page(Context ctx) {
        Engineer me = me(ctx);
        render(ctx, 200, me, null);
    }

    /** A new feed address: the old one answers 404 from now on. Shown once, like an invitation link. */
    public void rotateToken(Context ctx) {
        Engineer me = me(ctx);
        String token = Tokens.random();
        engineers.setScheduleToken(me.id(), Tokens.hash(token));
        audit.record("schedule.token", Auth.user(ctx), me.email(), "calendar feed address replaced", ClientAddress.of(ctx));
        render(ctx, 201, me, baseUrl + "/me/schedule.ics?token=" + token);
    }

    public void calendar(Context ctx) {
        String token = ctx.queryParam("token");
        Engineer engineer = (token == null || token.length() > 100 ? java.util.Optional.<Engineer>empty()
                : engineers.byScheduleToken(Tokens.hash(token)))
                .orElseThrow(() -> new PageNotFound("There is no calendar at this address."));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType("text/calendar; charset=utf-8").result(ScheduleCalendar.ics(engineer, entries(engineer), ltsportal.web.Ids.host(baseUrl)));
    }

    private void render(Context ctx, int status, Engineer me, String feedUrl) {
        Instant now = clock.instant();
        List<ScheduleEntry> upcoming = entries(me).stream().filter(e -> !e.cancelled() && e.booking().windowEnd().isAfter(now))
                .sorted(Comparator.comparing(e -> e.booking().windowStart())).toList();
        Templates.render(ctx, status, "staffing/schedule",
                new SchedulePage(me, upcoming, engineers.hasScheduleToken(me.id()), feedUrl));
    }

    private List<ScheduleEntry> entries(Engineer engineer) {
        User asStaff = new User(engineer.id(), engineer.email(), engineer.name(), engineer.zone().getId(), engineer.role(),
                null, null, engineer.disabled());
        List<ScheduleEntry> entries = new ArrayList<>();
        for (Assignment a : assignments.ofEngineer(engineer.id())) {
            bookings.find(asStaff, a.bookingId()).ifPresent(b -> entries.add(new ScheduleEntry(a, b)));
        }
        return entries;
    }

    private Engineer me(Context ctx) {
        return engineers.byId(Auth.user(ctx).id())
                .orElseThrow(() -> new PageNotFound("Only engineers and managers have a schedule."));
    }
}

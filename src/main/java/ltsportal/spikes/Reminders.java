package ltsportal.spikes;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.ASSIGNMENT;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import org.jooq.DSLContext;

/**
 * Reminders before a window, queued by the outbox sender's rounds: 48 hours before, to the customer
 * (the booker and the contact) with the pre-upgrade checks of the path; 2 hours before, to the assigned
 * engineers. Each once per window and person (a moved booking reminds again for its new window); only
 * for bookings that stand (confirmed or staffed); not for people who turned reminders off.
 */
public final class Reminders {
    static final Duration CUSTOMER = Duration.ofHours(48);
    static final Duration ENGINEER = Duration.ofHours(2);

    private final DSLContext db;
    private final Clock clock;
    private final MailTemplates templates;
    private final Planner planner;

    public Reminders(DSLContext db, Clock clock, MailTemplates templates, Planner planner) {
        this.db = db;
        this.clock = clock;
        this.templates = templates;
        this.planner = planner;
    }

    /** A pre-upgrade check for the reminder: the hop it is for and what to do. */
    public record Check(String version, String title) {
    }

    /** One round (the reminders job): queues the reminders now due and not sent yet; how many. */
    public int run() {
        Instant now = clock.instant();
        int queued = 0;
        for (long id : dueWithin(now, CUSTOMER)) {
            queued += db.transactionResult(cfg -> customer(cfg.dsl(), id));
        }
        for (long id : dueWithin(now, ENGINEER)) {
            queued += db.transactionResult(cfg -> engineers(cfg.dsl(), id));
        }
        return queued;
    }

    private List<Long> dueWithin(Instant now, Duration ahead) {
        return db.select(BOOKING.ID).from(BOOKING).join(SPIKE_WINDOW).on(SPIKE_WINDOW.ID.eq(BOOKING.WINDOW_ID))
                .where(BOOKING.STATUS.in(BookingStatus.CONFIRMED, BookingStatus.STAFFED))
                .and(SPIKE_WINDOW.STARTS_AT.gt(now.atOffset(ZoneOffset.UTC)))
                .and(SPIKE_WINDOW.STARTS_AT.le(now.plus(ahead).atOffset(ZoneOffset.UTC)))
                .orderBy(BOOKING.ID).fetch(BOOKING.ID);
    }

    private int customer(DSLContext tx, long id) {
        Booking b = Bookings.read(tx, id).orElseThrow();
        List<Check> checks = checks(b);
        int queued = 0;
        for (BookingMail.Recipient r : BookingMail.customers(tx, b).values()) {
            if (r.reminders() && queue(tx, "reminder-48h", b, r, "Reminder: your upgrade window for " + b.intake().instanceName()
                    + " starts " + WindowView.describe(b.windowStart(), b.windowEnd(), r.zone()), checks)) {
                queued++;
            }
        }
        return queued;
    }

    private int engineers(DSLContext tx, long id) {
        Booking b = Bookings.read(tx, id).orElseThrow();
        List<Check> checks = checks(b);
        int queued = 0;
        var rows = tx.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.TIME_ZONE, APP_USER.NOTIFY_REMINDERS,
                        APP_USER.NOTIFY_CONVERSATION).from(ASSIGNMENT).join(APP_USER).on(APP_USER.ID.eq(ASSIGNMENT.ENGINEER_ID))
                .where(ASSIGNMENT.BOOKING_ID.eq(id), ASSIGNMENT.REMOVED_AT.isNull()).fetch();
        for (var r : rows) {
            var person = new BookingMail.Recipient(r.value2(), r.value3(), ZoneId.of(r.value4()), r.value1(), r.value5(), r.value6());
            if (person.reminders() && queue(tx, "reminder-2h", b, person, "In 2 hours: upgrade of " + b.intake().instanceName()
                    + " (" + b.orgName() + ")", checks)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean queue(DSLContext tx, String kind, Booking b, BookingMail.Recipient r, String subject, List<Check> checks) {
        var values = new LinkedHashMap<String, Object>();
        values.put("booking", b);
        values.put("when", WindowView.describe(b.windowStart(), b.windowEnd(), r.zone()));
        values.put("bookingUrl", templates.baseUrl() + "/bookings/" + b.id());
        values.put("checks", checks);
        values.put("engineer", kind.equals("reminder-2h"));
        return Outbox.enqueue(tx, clock, templates.letter(kind + ":" + b.id() + ":" + b.windowStart().getEpochSecond() + ":" + r.key(), kind,
                r.email(), r.name(), subject, "reminder", values, null, null, true));
    }

    /** What to check before each hop of the booking's path: the planner's alerts, in path order. */
    private List<Check> checks(Booking b) {
        var result = planner.plan(new PlanRequest(b.intake().currentVersion(), b.intake().targetVersion(), "", false), LocalDate.now(clock));
        List<Check> out = new ArrayList<>();
        if (result instanceof Planner.Planned planned) {
            for (var hop : planned.plan().hops()) {
                for (var shown : hop.shown()) {
                    out.add(new Check(hop.version().toString(), shown.alert().title()));
                }
            }
        }
        return out;
    }
}

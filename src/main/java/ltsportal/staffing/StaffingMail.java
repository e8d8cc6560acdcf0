package ltsportal.staffing;

import static ltsportal.db.Tables.APP_USER;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.WindowView;
import org.jooq.DSLContext;

/**
 * Mail to an engineer put on a booking or taken off it, queued in the transaction of the change: the
 * intake, the path, and an invitation for their calendar (the same event as in their schedule feed).
 */
public final class StaffingMail {
    public static final StaffingMail NONE = new StaffingMail(null, Clock.systemUTC(), null);

    private final MailTemplates templates;
    private final String supportEmail;
    private final Clock clock;

    /** {@code supportEmail}: the organizer of the engineers' invitations ({@code PORTAL_SUPPORT_EMAIL}). */
    public StaffingMail(MailTemplates templates, Clock clock, String supportEmail) {
        this.templates = templates;
        this.supportEmail = supportEmail;
        this.clock = clock;
    }

    /** The mail to the engineer of an assignment just made or removed, queued in the transaction that changed it. */
    void changed(DSLContext tx, Assignment assignment) {
        if (templates == null) {
            return;
        }
        var booking = Bookings.read(tx, assignment.bookingId()).orElseThrow();
        var entry = new ScheduleEntry(assignment, booking);
        var engineer = tx.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.TIME_ZONE).from(APP_USER)
                .where(APP_USER.ID.eq(assignment.engineerId())).fetchSingle();
        boolean removed = !assignment.active();
        var values = new LinkedHashMap<String, Object>();
        values.put("booking", booking);
        values.put("role", assignment.role().key());
        values.put("removed", removed);
        values.put("when", WindowView.describe(booking.windowStart(), booking.windowEnd(), ZoneId.of(engineer.value3())));
        values.put("bookingUrl", templates.baseUrl() + "/bookings/" + booking.id());
        String kind = removed ? "unassigned" : "assigned";
        String subject = (removed ? "Taken off: " : "You are " + assignment.role().key() + " on: ") + booking.intake().instanceName()
                + " (" + booking.orgName() + "), " + values.get("when");
        Outbox.enqueue(tx, clock, templates.letter(kind + ":" + assignment.id(), kind, engineer.value1(), engineer.value2(), subject,
                "assignment", values, ScheduleCalendar.invitation(entry, ltsportal.web.Ids.host(templates.baseUrl()), supportEmail), removed ? "CANCEL" : "REQUEST", false));
    }
}

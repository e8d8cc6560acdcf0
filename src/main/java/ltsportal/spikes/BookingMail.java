package ltsportal.spikes;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import org.jooq.DSLContext;

/**
 * The email a booking's change sends, queued in the transaction that makes the change: to the
 * organization's contact and to the customer who booked, with the invitation exactly as
 * {@code /bookings/{id}.ics} gives it (same UID; a move raises its SEQUENCE; a cancel is METHOD:CANCEL).
 */
public final class BookingMail {
    /** Nothing queued: for tools and tests that build a service without mail. */
    public static final BookingMail NONE = new BookingMail(null, Clock.systemUTC(), BookingCalendar.NONE);

    private final MailTemplates templates;
    private final Clock clock;
    private final BookingCalendar calendar;

    public BookingMail(MailTemplates templates, Clock clock, BookingCalendar calendar) {
        this.templates = templates;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The customer-facing changes, with what the subject says of each. */
    private static final Map<String, String> CHANGES = Map.of(
            "requested", "Upgrade window requested",
            "confirmed", "Upgrade window confirmed",
            "moved", "Upgrade window moved",
            "cancelled", "Upgrade window cancelled",
            "kept", "Your upgrade window stands (spike closed to new bookings)");

    /**
     * A person a booking's mail goes to, the zone their times are shown in, and what they chose to hear
     * of ({@code userId} null: an organization's contact without an account, who hears of everything).
     */
    public record Recipient(String email, String name, ZoneId zone, Long userId, boolean reminders, boolean conversation) {
        public String key() {
            return email.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static Recipient user(org.jooq.Record r) {
        return new Recipient(r.get(APP_USER.EMAIL), r.get(APP_USER.DISPLAY_NAME), ZoneId.of(r.get(APP_USER.TIME_ZONE)), r.get(APP_USER.ID),
                r.get(APP_USER.NOTIFY_REMINDERS), r.get(APP_USER.NOTIFY_CONVERSATION));
    }

    private static final org.jooq.SelectField<?>[] PERSON = {APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.TIME_ZONE,
            APP_USER.NOTIFY_REMINDERS, APP_USER.NOTIFY_CONVERSATION};

    /** The booker first, then the organization's contact when it is someone else (with their account's choices if they have one). */
    public static Map<String, Recipient> customers(DSLContext tx, Booking booking) {
        Recipient booker = user(tx.select(PERSON).from(BOOKING).join(APP_USER).on(APP_USER.ID.eq(BOOKING.CREATED_BY))
                .where(BOOKING.ID.eq(booking.id())).fetchSingle());
        Map<String, Recipient> out = new LinkedHashMap<>();
        out.put(booker.key(), booker);
        String contact = booking.intake().contactEmail().toLowerCase(java.util.Locale.ROOT);
        if (!out.containsKey(contact)) {
            var account = tx.select(PERSON).from(APP_USER).where(APP_USER.EMAIL_KEY.eq(contact)).and(APP_USER.ORG_ID.eq(booking.orgId()))
                    .fetchOptional();
            out.put(contact, account.map(BookingMail::user).map(r -> new Recipient(r.email(), booking.intake().contactName(), r.zone(),
                    r.userId(), r.reminders(), r.conversation())).orElse(new Recipient(booking.intake().contactEmail(),
                    booking.intake().contactName(), booker.zone(), null, true, true)));
        }
        return out;
    }

    /**
     * Support for a booking: its assigned engineers; with none yet, the engineers on shift in its spike;
     * with none of those either, the managers.
     */
    public static Map<String, Recipient> staff(DSLContext tx, Booking booking) {
        var assigned = tx.select(PERSON).from(ltsportal.db.Tables.ASSIGNMENT).join(APP_USER)
                .on(APP_USER.ID.eq(ltsportal.db.Tables.ASSIGNMENT.ENGINEER_ID))
                .where(ltsportal.db.Tables.ASSIGNMENT.BOOKING_ID.eq(booking.id()), ltsportal.db.Tables.ASSIGNMENT.REMOVED_AT.isNull())
                .orderBy(APP_USER.ID).fetch();
        var people = !assigned.isEmpty() ? assigned : tx.selectDistinct(PERSON).from(ltsportal.db.Tables.SHIFT).join(APP_USER)
                .on(APP_USER.ID.eq(ltsportal.db.Tables.SHIFT.ENGINEER_ID)).where(ltsportal.db.Tables.SHIFT.SPIKE_ID.eq(booking.spikeId()))
                .and(APP_USER.DISABLED.isFalse()).orderBy(APP_USER.ID).fetch();
        if (people.isEmpty()) {
            people = tx.select(PERSON).from(APP_USER).where(APP_USER.ROLE.eq("manager")).and(APP_USER.DISABLED.isFalse())
                    .orderBy(APP_USER.ID).fetch();
        }
        Map<String, Recipient> out = new LinkedHashMap<>();
        people.forEach(r -> {
            Recipient p = user(r);
            out.put(p.key(), p);
        });
        return out;
    }

    /** Queues the mail for {@code change} (requested, confirmed, moved, cancelled) of booking {@code bookingId}, inside {@code tx}. */
    public void changed(DSLContext tx, long bookingId, String change) {
        if (templates == null) {
            return;
        }
        Booking booking = Bookings.read(tx, bookingId).orElseThrow();
        Spike spike = new Spikes(tx).byId(booking.spikeId()).orElseThrow();
        String ics = calendar.ics(booking, spike);
        boolean cancelled = booking.status() == BookingStatus.CANCELLED;
        for (Recipient r : customers(tx, booking).values()) {
            var values = new LinkedHashMap<String, Object>();
            values.put("change", change);
            values.put("booking", booking);
            values.put("spike", spike);
            values.put("when", WindowView.describe(booking.windowStart(), booking.windowEnd(), r.zone()));
            values.put("bookingUrl", templates.baseUrl() + "/bookings/" + booking.id());
            String subject = CHANGES.get(change) + ": " + booking.intake().instanceName() + ", "
                    + WindowView.describe(booking.windowStart(), booking.windowEnd(), r.zone());
            Outbox.enqueue(tx, clock, templates.letter("booking-" + change + ":" + booking.id() + ":" + booking.icsSequence() + ":"
                            + r.email().toLowerCase(java.util.Locale.ROOT), "booking-" + change, r.email(), r.name(), subject,
                    "booking-changed", values, ics, cancelled ? "CANCEL" : "REQUEST", false));
        }
    }
}

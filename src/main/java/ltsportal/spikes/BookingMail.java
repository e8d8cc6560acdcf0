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
    public static final BookingMail NONE = new BookingMail(null, Clock.systemUTC());

    private final MailTemplates templates;
    private final Clock clock;

    public BookingMail(MailTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** The customer-facing changes, with what the subject says of each. */
    private static final Map<String, String> CHANGES = Map.of(
            "requested", "Upgrade window requested",
            "confirmed", "Upgrade window confirmed",
            "moved", "Upgrade window moved",
            "cancelled", "Upgrade window cancelled");

    /** A person a booking's mail goes to, and the zone their times are shown in. */
    public record Recipient(String email, String name, ZoneId zone) {
    }

    /** The booker first, then the organization's contact when it is someone else. */
    public static Map<String, Recipient> customers(DSLContext tx, Booking booking) {
        var booker = tx.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.TIME_ZONE).from(BOOKING).join(APP_USER)
                .on(APP_USER.ID.eq(BOOKING.CREATED_BY)).where(BOOKING.ID.eq(booking.id())).fetchSingle();
        ZoneId zone = ZoneId.of(booker.value3());
        Map<String, Recipient> out = new LinkedHashMap<>();
        out.put(booker.value1().toLowerCase(java.util.Locale.ROOT), new Recipient(booker.value1(), booker.value2(), zone));
        out.putIfAbsent(booking.intake().contactEmail().toLowerCase(java.util.Locale.ROOT),
                new Recipient(booking.intake().contactEmail(), booking.intake().contactName(), zone));
        return out;
    }

    /** Queues the mail for {@code change} (requested, confirmed, moved, cancelled) of booking {@code bookingId}, inside {@code tx}. */
    public void changed(DSLContext tx, long bookingId, String change) {
        if (templates == null) {
            return;
        }
        Booking booking = Bookings.read(tx, bookingId).orElseThrow();
        Spike spike = new Spikes(tx).byId(booking.spikeId()).orElseThrow();
        String ics = BookingCalendar.ics(booking, spike);
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

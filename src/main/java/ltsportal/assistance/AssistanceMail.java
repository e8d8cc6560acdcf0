package ltsportal.assistance;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import ltsportal.accounts.User;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingMail;
import org.jooq.DSLContext;

/**
 * Mail about a booking's review and conversation, queued in the transaction of the change: a plan sent
 * (to support for the booking), a decision (to the customer), a message (to the other side; an
 * internal note to support only). Never to the person who made the change.
 */
public final class AssistanceMail {
    public static final AssistanceMail NONE = new AssistanceMail(null, Clock.systemUTC());

    private final MailTemplates templates;
    private final Clock clock;

    public AssistanceMail(MailTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    void reviewSent(DSLContext tx, User customer, Booking booking, long eventId) {
        send(tx, BookingMail.staff(tx, booking), customer, booking, "review-sent", eventId,
                "Plan to review: " + booking.intake().instanceName() + " (" + booking.orgName() + ")",
                Map.of("headline", customer.displayName() + " sent the upgrade plan for review."), false);
    }

    void reviewDecided(DSLContext tx, User staff, Booking booking, boolean approved, String comment, long eventId) {
        send(tx, BookingMail.customers(tx, booking), staff, booking, approved ? "review-approved" : "review-changes", eventId,
                (approved ? "Your upgrade plan is approved: " : "Changes requested to your upgrade plan: ") + booking.intake().instanceName(),
                Map.of("headline", approved ? "Support approved your upgrade plan: the booking can now be confirmed."
                        : "Support asks for changes to your upgrade plan before the window.", "body", comment), false);
    }

    void messagePosted(DSLContext tx, User author, Booking booking, long messageId, String body, boolean internal) {
        var to = author.staff() && !internal ? BookingMail.customers(tx, booking) : BookingMail.staff(tx, booking);
        send(tx, to, author, booking, internal ? "note" : "message", messageId,
                (internal ? "Internal note on " : "New message about ") + booking.intake().instanceName(),
                Map.of("headline", author.displayName() + (internal ? " added an internal note (support only):" : " wrote:"), "body", body),
                true);
    }

    private void send(DSLContext tx, Map<String, BookingMail.Recipient> to, User actor, Booking booking, String kind, long eventId,
                      String subject, Map<String, String> text, boolean conversation) {
        if (templates == null) {
            return;
        }
        for (BookingMail.Recipient r : to.values()) {
            if (r.email().equalsIgnoreCase(actor.email()) || (conversation && !r.conversation())) {
                continue;
            }
            var values = new LinkedHashMap<String, Object>(text);
            values.put("booking", booking);
            values.put("bookingUrl", templates.baseUrl() + "/bookings/" + booking.id());
            values.putIfAbsent("body", null);
            Outbox.enqueue(tx, clock, templates.letter(kind + ":" + booking.id() + ":" + eventId + ":" + r.key(), kind, r.email(), r.name(),
                    subject, "assistance", values, null, null, conversation));
        }
    }
}

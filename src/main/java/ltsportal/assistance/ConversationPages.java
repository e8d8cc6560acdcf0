package ltsportal.assistance;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingPages;
import ltsportal.spikes.BookingSections;
import ltsportal.web.Flash;
import ltsportal.web.Form;

/** The conversation on a booking's page, and posting to it. */
public final class ConversationPages implements BookingSections {
    private final Messages messages;
    private final BookingPages bookings;

    public ConversationPages(Messages messages, BookingPages bookings) {
        this.messages = messages;
        this.bookings = bookings;
    }

    /** The thread under a booking, the reply form (with a refused reply kept), and whether the reader is staff. */
    public record Conversation(List<Messages.Message> messages, boolean staff, String body, boolean internal,
                               Map<String, String> errors) {
    }

    @Override
    public Record of(User viewer, Booking booking, Map<String, String> errors, Map<String, String> kept) {
        return new Conversation(messages.of(viewer, booking.id()), viewer.staff(), kept.getOrDefault("body", ""),
                "true".equals(kept.get("internal")), errors);
    }

    public void post(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = bookings.booking(ctx); // another organization's booking: 404
        Form in = Form.of(ctx);
        String body = in.text("body");
        boolean internal = user.staff() && in.text("internal").equals("true");
        if (!in.required("body", body, Messages.BODY_MAX, "Write a message of at most " + Messages.BODY_MAX + " characters.")) {
            bookings.showWith(ctx, Form.INVALID, booking, in.errors(), Map.of("body", body, "internal", String.valueOf(internal)));
            return;
        }
        long id = messages.add(user, booking.id(), body, internal);
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#message-" + id,
                internal ? "Your internal note is added: customers do not see it." : "Your message is sent.");
    }
}

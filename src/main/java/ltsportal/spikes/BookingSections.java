package ltsportal.spikes;

import java.util.Map;
import ltsportal.accounts.User;

/**
 * What other features show on a booking's page (the conversation with support), for the user looking
 * at it. Supplied by those features, so that spikes need not know them. {@code errors} and {@code kept}
 * carry a refused form of theirs back onto the page.
 */
public interface BookingSections {
    Record of(User viewer, Booking booking, Map<String, String> errors, Map<String, String> kept);

    /** The same for {@code GET /api/v1/bookings/{id}}: the review, messages and files this viewer may read. */
    default ApiParts api(User viewer, Booking booking) {
        return new ApiParts(null, java.util.List.of(), java.util.List.of());
    }

    record ApiParts(Object review, java.util.List<?> messages, java.util.List<?> attachments) {
    }
}

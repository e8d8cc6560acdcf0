package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING_REVIEW;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Spike;
import ltsportal.spikes.Spikes;
import ltsportal.web.Form;
import ltsportal.web.Templates;
import org.jooq.DSLContext;

/**
 * /manage/reviews: what support has to read. Active bookings whose plan is submitted, or whose window
 * starts within {@link #SOON} without an approved plan; soonest window first, filtered by spike and state.
 */
public final class ReviewQueue {
    static final Duration SOON = Duration.ofDays(7);
    static final List<String> STATES = List.of("submitted", "changes-requested", "not-submitted");

    private final DSLContext db;
    private final Bookings bookings;
    private final Spikes spikes;
    private final Clock clock;

    public ReviewQueue(DSLContext db, Bookings bookings, Spikes spikes, Clock clock) {
        this.db = db;
        this.bookings = bookings;
        this.spikes = spikes;
        this.clock = clock;
    }

    public record Entry(Booking booking, String state, boolean soon) {
    }

    public record QueuePage(List<Entry> entries, List<Spike> spikes, String spike, String state, List<String> states,
                            Map<String, String> errors) {
    }

    public void page(Context ctx) {
        User staff = Auth.user(ctx);
        Form in = Form.ofQuery(ctx);
        String spike = in.text("spike");
        String state = in.text("state");
        in.check(state.isEmpty() || STATES.contains(state), "state", "Choose a state from the list.");
        in.check(spike.isEmpty() || spike.matches("\\d{1,18}"), "spike", "Choose a spike from the list.");
        if (!in.valid()) {
            Templates.render(ctx, Form.INVALID, "assistance/queue", new QueuePage(List.of(), spikes.all(), spike, state, STATES, in.errors()));
            return;
        }
        Map<Long, String> states = db.select(BOOKING_REVIEW.BOOKING_ID, BOOKING_REVIEW.STATUS).from(BOOKING_REVIEW)
                .fetchMap(BOOKING_REVIEW.BOOKING_ID, BOOKING_REVIEW.STATUS);
        Instant now = clock.instant();
        List<Entry> entries = bookings.list(staff).stream()
                .filter(b -> b.status().active() && b.windowEnd().isAfter(now))
                .map(b -> {
                    String s = states.getOrDefault(b.id(), "not-submitted");
                    return new Entry(b, s, b.windowStart().isBefore(now.plus(SOON)));
                })
                .filter(e -> e.state().equals("submitted") || (e.soon() && !e.state().equals("approved")))
                .filter(e -> spike.isEmpty() || String.valueOf(e.booking().spikeId()).equals(spike))
                .filter(e -> state.isEmpty() || e.state().equals(state))
                .sorted(Comparator.comparing((Entry e) -> e.booking().windowStart()).thenComparing(e -> e.booking().id()))
                .toList();
        Templates.render(ctx, "assistance/queue", new QueuePage(entries, spikes.all(), spike, state, STATES, Map.of()));
    }
}

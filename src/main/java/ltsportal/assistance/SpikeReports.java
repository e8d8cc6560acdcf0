package ltsportal.assistance;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.BOOKING_EVENT;
import static ltsportal.db.Tables.BOOKING_REVIEW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingStatus;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Outcome;
import ltsportal.spikes.Spike;
import org.jooq.DSLContext;

/**
 * What a spike came to, for its managers: bookings by state and outcome, how many plans were approved
 * before their window, how long support took to answer a plan, and outcomes by starting major and by
 * deployment. Computed from the bookings, their reviews and their history.
 */
public final class SpikeReports {
    private final DSLContext db;
    private final Bookings bookings;

    public SpikeReports(DSLContext db, Bookings bookings) {
        this.db = db;
        this.bookings = bookings;
    }

    /** One booking as the report and its CSV list it. */
    public record Line(Booking booking, String reviewStatus, boolean approvedBeforeWindow) {
    }

    /** Outcome counts for one group (a starting major, a deployment); {@code open}: not completed yet. */
    public record Group(String label, Map<String, Long> outcomes, long open, long total) {
    }

    public record Report(Spike spike, List<Line> lines, Map<String, Long> byState, Map<String, Long> byOutcome,
                         long reviewable, long approvedInTime, long decisions, Duration medianTurnaround,
                         List<Group> byMajor, List<Group> byDeployment) {
        /** Share of the bookings not cancelled whose plan was approved before their window, in whole percent. */
        public long approvedInTimePercent() {
            return reviewable == 0 ? 0 : Math.round(100.0 * approvedInTime / reviewable);
        }

        public String turnaroundText() {
            return medianTurnaround == null ? "no decisions yet" : durationText(medianTurnaround);
        }
    }

    public Report of(User manager, Spike spike) {
        List<Booking> all = bookings.ofSpike(manager, spike.id());
        var ids = all.stream().map(Booking::id).toList();
        Map<Long, String> reviewStatus = new HashMap<>();
        Map<Long, Instant> approvedAt = new HashMap<>();
        db.select(BOOKING_REVIEW.BOOKING_ID, BOOKING_REVIEW.STATUS, BOOKING_REVIEW.DECIDED_AT).from(BOOKING_REVIEW)
                .join(BOOKING).on(BOOKING.ID.eq(BOOKING_REVIEW.BOOKING_ID)).where(BOOKING.SPIKE_ID.eq(spike.id()))
                .forEach(r -> {
                    reviewStatus.put(r.value1(), r.value2());
                    if ("approved".equals(r.value2()) && r.value3() != null) {
                        approvedAt.put(r.value1(), r.value3().toInstant());
                    }
                });
        List<Line> lines = all.stream().map(b -> new Line(b, reviewStatus.getOrDefault(b.id(), "not-submitted"),
                approvedAt.containsKey(b.id()) && approvedAt.get(b.id()).isBefore(b.windowStart()))).toList();

        Map<String, Long> byState = new LinkedHashMap<>();
        for (BookingStatus s : BookingStatus.values()) {
            byState.put(s.key(), all.stream().filter(b -> b.status() == s).count());
        }
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        Outcome.KINDS.keySet().forEach(k -> byOutcome.put(k, all.stream()
                .filter(b -> b.outcome() != null && k.equals(b.outcome().outcome())).count()));
        long reviewable = all.stream().filter(b -> b.status() != BookingStatus.CANCELLED).count();
        long inTime = lines.stream().filter(l -> l.booking().status() != BookingStatus.CANCELLED && l.approvedBeforeWindow()).count();
        List<Duration> turnarounds = turnarounds(ids);
        return new Report(spike, lines, byState, byOutcome, reviewable, inTime, turnarounds.size(), median(turnarounds),
                groups(all, b -> "GitLab " + majorOf(b.intake().currentVersion())),
                groups(all, b -> b.intake().deployment()));
    }

    /** Each plan sent (or sent again) to the decision that answered it, from the bookings' history. */
    private List<Duration> turnarounds(List<Long> bookingIds) {
        List<Duration> out = new ArrayList<>();
        Map<Long, Instant> waiting = new HashMap<>();
        db.select(BOOKING_EVENT.BOOKING_ID, BOOKING_EVENT.KIND, BOOKING_EVENT.OCCURRED_AT).from(BOOKING_EVENT)
                .where(BOOKING_EVENT.BOOKING_ID.in(bookingIds))
                .and(BOOKING_EVENT.KIND.in("review-sent", "review-resent", "review-approved", "review-changes"))
                .orderBy(BOOKING_EVENT.BOOKING_ID, BOOKING_EVENT.OCCURRED_AT, BOOKING_EVENT.ID)
                .forEach(r -> {
                    if (r.value2().equals("review-sent") || r.value2().equals("review-resent")) {
                        waiting.put(r.value1(), r.value3().toInstant());
                    } else {
                        Instant sent = waiting.remove(r.value1());
                        if (sent != null) {
                            out.add(Duration.between(sent, r.value3().toInstant()));
                        }
                    }
                });
        return out;
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        var sorted = durations.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static List<Group> groups(List<Booking> all, java.util.function.Function<Booking, String> key) {
        Map<String, List<Booking>> grouped = new TreeMap<>();
        all.stream().filter(b -> b.status() != BookingStatus.CANCELLED)
                .forEach(b -> grouped.computeIfAbsent(key.apply(b), k -> new ArrayList<>()).add(b));
        List<Group> out = new ArrayList<>();
        grouped.forEach((label, list) -> {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            Outcome.KINDS.keySet().forEach(k -> outcomes.put(k, list.stream()
                    .filter(b -> b.outcome() != null && k.equals(b.outcome().outcome())).count()));
            out.add(new Group(label, outcomes, list.stream().filter(b -> b.outcome() == null).count(), list.size()));
        });
        return out;
    }

    private static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** 45 min, 3 h 05 min, 2 d 4 h: a turnaround as people say it. */
    static String durationText(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h " + String.format(java.util.Locale.ROOT, "%02d", minutes % 60) + " min";
        }
        return minutes / (24 * 60) + " d " + (minutes % (24 * 60)) / 60 + " h";
    }
}

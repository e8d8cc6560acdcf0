package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import ltsportal.accounts.User;
import ltsportal.catalog.Version;
import ltsportal.planner.Planner;
import ltsportal.web.Form;
import org.jooq.DSLContext;

/**
 * Completing a booking records what the upgrade came to ({@link Outcome}): bound and checked here, then
 * written with the status change in one compare-and-swap transaction. Refused before the window has
 * started, and for a booking that is no longer active.
 */
public final class Completion {
    private final DSLContext db;
    private final Clock clock;
    private final Planner planner;
    private final ltsportal.notes.Markdown markdown;

    /** Told, in the completing transaction, the version a booked instance now runs (the fleet keeps its instance in step). */
    public interface Reached {
        void reached(DSLContext tx, java.time.Instant at, long orgId, String instanceName, String version);
    }

    /** Nobody told: for demo data, whose instances are laid down as they are. */
    public static final Reached NOBODY = (tx, at, orgId, name, version) -> {
    };

    private final Reached reached;

    /** {@code reached}: who is told, in the completing transaction, the version the instance now runs. */
    public Completion(DSLContext db, Clock clock, Planner planner, ltsportal.notes.Markdown markdown, Reached reached) {
        this.reached = reached;
        this.db = db;
        this.clock = clock;
        this.planner = planner;
        this.markdown = markdown;
    }

    /** The outcome's notes rendered and sanitized like every other Markdown a user writes; null without notes. */
    public String notesHtml(Outcome outcome) {
        return outcome == null || outcome.notesMarkdown() == null ? null : markdown.toSafeHtml(outcome.notesMarkdown());
    }

    /** The form as typed, to show again when refused. */
    public record Typed(String outcome, String reachedVersion, String durationMinutes, String notes) {
        public static Typed blank(Booking booking) {
            return new Typed("", booking.intake().targetVersion(), "", "");
        }

        Map<String, String> kept() {
            var kept = new LinkedHashMap<String, String>();
            kept.put("outcome", outcome);
            kept.put("reachedVersion", reachedVersion);
            kept.put("durationMinutes", durationMinutes);
            kept.put("notes", notes);
            return kept;
        }
    }

    /** Completed, or refused with a message per field and what was typed. */
    public sealed interface Result permits Completed, Refused {
    }

    public record Completed(Outcome outcome) implements Result {
    }

    public record Refused(int status, Map<String, String> errors, Typed typed) implements Result {
    }

    public Result complete(User staff, Booking booking, Form in) {
        var typed = new Typed(in.text("outcome"), in.text("reachedVersion"), in.text("durationMinutes"), in.text("notes"));
        Instant now = clock.instant();
        if (!booking.status().canBecome(BookingStatus.COMPLETED)) {
            in.check(false, "outcome", "This booking is " + booking.status().key() + ": there is no upgrade to record.");
            return new Refused(Form.INVALID, in.errors(), typed);
        }
        if (now.isBefore(booking.windowStart())) {
            in.check(false, "outcome", "The window has not started yet: record the outcome once the upgrade has begun.");
            return new Refused(Form.INVALID, in.errors(), typed);
        }
        String outcome = in.choice("outcome", typed.outcome(), keys(), "Choose how the upgrade ended.");
        if (in.required("reachedVersion", typed.reachedVersion(), 20, "Give the version the instance runs now, such as 17.11.7.")) {
            String problem = planner.releasedVersionProblem(typed.reachedVersion());
            if (in.check(problem == null, "reachedVersion", problem)) {
                var reached = Version.parsePatch(typed.reachedVersion()).orElseThrow();
                var start = Version.parse(booking.intake().currentVersion());
                in.check(start.isEmpty() || !reached.isBefore(start.get()), "reachedVersion",
                        "The instance started on " + booking.intake().currentVersion() + ": give the version it runs now (after a roll-back, that one).");
            }
        }
        Integer minutes = null;
        if (in.required("durationMinutes", typed.durationMinutes(), 5, "Say how many minutes the upgrade took, from 1 to " + Outcome.DURATION_MAX + ".")) {
            minutes = typed.durationMinutes().matches("\\d{1,4}") ? Integer.valueOf(typed.durationMinutes()) : null;
            in.check(minutes != null && minutes >= 1 && minutes <= Outcome.DURATION_MAX, "durationMinutes",
                    "Say how many minutes the upgrade took, as a whole number from 1 to " + Outcome.DURATION_MAX + ".");
        }
        in.atMost("notes", typed.notes(), Outcome.NOTES_MAX, "Keep the notes under " + Outcome.NOTES_MAX + " characters.");
        if (!in.valid()) {
            return new Refused(Form.INVALID, in.errors(), typed);
        }
        var result = new Outcome(outcome, typed.reachedVersion(), minutes, typed.notes().isEmpty() ? null : typed.notes());
        if (!write(staff, booking, result)) {
            return new Refused(409, Map.of("outcome", "The booking changed meanwhile; reload to see its status."), typed);
        }
        return new Completed(result);
    }

    private static Map<String, String> keys() {
        var keys = new LinkedHashMap<String, String>();
        Outcome.KINDS.keySet().forEach(k -> keys.put(k, k));
        return keys;
    }

    private boolean write(User staff, Booking booking, Outcome outcome) {
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int changed = tx.update(BOOKING).set(BOOKING.STATUS, BookingStatus.COMPLETED).set(BOOKING.UPDATED_AT, at)
                    .set(BOOKING.OUTCOME, outcome.outcome()).set(BOOKING.REACHED_VERSION, outcome.reachedVersion())
                    .set(BOOKING.DURATION_MINUTES, outcome.durationMinutes()).set(BOOKING.OUTCOME_NOTES_MD, outcome.notesMarkdown())
                    .where(BOOKING.ID.eq(booking.id())).and(BOOKING.STATUS.eq(booking.status())).execute();
            if (changed != 1) {
                return false;
            }
            BookingService.event(tx, booking.id(), staff, BookingStatus.COMPLETED.key(), booking.status(), BookingStatus.COMPLETED,
                    outcome.outcome() + ", on " + outcome.reachedVersion() + ", " + outcome.durationMinutes() + " min", at);
            reached.reached(tx, at.toInstant(), booking.orgId(), booking.intake().instanceName(), outcome.reachedVersion());
            return true;
        });
    }
}

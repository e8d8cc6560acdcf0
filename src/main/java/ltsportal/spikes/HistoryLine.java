package ltsportal.spikes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ltsportal.web.ZonedText;

/**
 * One entry of a booking's history as people read it: what happened in words, and the instants its stored
 * detail names ("window 2026-12-07T08:00:00Z") in the reader's zone. The entries stay as written; only their
 * reading changes. {@code kind} stays the stored key, for the page's data attribute and the API.
 */
public record HistoryLine(Instant at, String kind, String what, String actor, String detail) {
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");

    static List<HistoryLine> of(List<Booking.Event> events, ZoneId zone) {
        ZonedText local = new ZonedText(zone);
        return events.stream().map(e -> new HistoryLine(e.at(), e.kind(), what(e.kind()), e.actor(),
                e.detail() == null ? null : detail(e.detail(), local))).toList();
    }

    static String what(String kind) {
        return switch (kind) {
            case "requested" -> "Requested";
            case "rescheduled" -> "Moved to another window";
            case "cancelled" -> "Cancelled";
            case "confirmed" -> "Confirmed";
            case "confirmed-override" -> "Confirmed without an approved review";
            case "staffed" -> "Engineers assigned";
            case "completed" -> "Completed";
            case "window-changed" -> "Window changed";
            case "spike-closed" -> "Spike closed";
            case "attached" -> "File attached";
            case "detached" -> "File removed";
            case "review-sent" -> "Plan sent for review";
            case "review-resent" -> "Plan sent for review again";
            case "review-approved" -> "Plan review approved";
            case "review-changes" -> "Changes asked for in the plan review";
            case "assigned" -> "Engineer assigned";
            case "unassigned" -> "Engineer removed";
            default -> kind.isEmpty() ? kind : kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1).replace('-', ' ');
        };
    }

    static String detail(String detail, ZonedText local) {
        Matcher m = INSTANT.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(local.at(OffsetDateTime.parse(m.group()).toInstant())));
        }
        m.appendTail(out);
        return out.toString().replace(" -> ", " to ");
    }
}

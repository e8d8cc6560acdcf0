package ltsportal.staffing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ltsportal.accounts.Role;

/**
 * Who may take a booking's window, and who should: pure rules over an engineer's profile, shifts,
 * time off and other assignments. The assignment service runs them under the engineer's row lock.
 */
public final class StaffingRules {
    /** An engineer's working day for "time zone overlap": a window inside it needs no night shift. */
    static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(18, 0);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private StaffingRules() {
    }

    /** One booking's window and what its setup needs. */
    public record Slot(long bookingId, long spikeId, Instant start, Instant end, Set<Skill> needs) {
    }

    /** A window the engineer is already assigned to. */
    public record Busy(long bookingId, Instant start, Instant end) {
    }

    /** What the rules know of one engineer at the moment of asking. */
    public record Availability(Engineer engineer, List<Shift> shifts, List<TimeOff> timeOff, List<Busy> busy) {
    }

    /** Why this engineer cannot take this slot in this role; empty when they can. */
    public static Optional<String> refusal(Availability a, Slot slot, Assignment.Role role, List<Assignment> onBooking) {
        Engineer e = a.engineer();
        if (e.disabled()) {
            return Optional.of(e.name() + "'s account is disabled.");
        }
        if (e.role() != Role.ENGINEER && e.role() != Role.MANAGER) {
            return Optional.of(e.name() + " does not take upgrade windows.");
        }
        for (Assignment other : onBooking) {
            if (other.active() && other.engineerId() == e.id()) {
                return Optional.of(e.name() + " is already the " + other.role().key() + " on this booking.");
            }
        }
        for (Assignment other : onBooking) {
            if (other.active() && other.role() == role) {
                return Optional.of("This booking has a " + role.key() + " already (" + other.engineerName()
                        + "): remove them first.");
            }
        }
        if (!onShift(a.shifts(), slot)) {
            return Optional.of(e.name() + " is not on shift for the whole window.");
        }
        for (TimeOff off : a.timeOff()) {
            if (off.overlaps(slot.start(), slot.end())) {
                return Optional.of(e.name() + " is on time off then (" + off.reason() + ").");
            }
        }
        int load = maxOverlap(a.busy().stream().filter(b -> b.bookingId() != slot.bookingId()).toList(), slot.start(), slot.end());
        if (load >= e.maxConcurrent()) {
            return Optional.of(e.name() + " already has " + load + " booking" + (load == 1 ? "" : "s")
                    + " during this window and takes at most " + e.maxConcurrent() + " at once.");
        }
        return Optional.empty();
    }

    public static boolean onShift(List<Shift> shifts, Slot slot) {
        return shifts.stream().anyMatch(s -> s.spikeId() == slot.spikeId() && s.covers(slot.start(), slot.end()));
    }

    /** The most of these windows that run at one moment of [start, end). */
    static int maxOverlap(List<Busy> busy, Instant start, Instant end) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        for (Busy b : busy) {
            if (b.start().isBefore(end) && start.isBefore(b.end())) {
                changes.merge(b.start().isBefore(start) ? start : b.start(), 1, Integer::sum);
                changes.merge(b.end().isAfter(end) ? end : b.end(), -1, Integer::sum);
            }
        }
        int now = 0;
        int most = 0;
        for (int change : changes.values()) {
            now += change;
            most = Math.max(most, now);
        }
        return most;
    }

    /** An engineer worth asking, with the score and the reasons behind it. */
    public record Suggestion(Engineer engineer, int score, List<String> reasons) {
    }

    /**
     * Every engineer who can take the slot, best first: skills matched count most, missing skills
     * cost, then a lighter load in this spike, a window inside their working day, and whoever waited
     * longest since their last assignment; the engineer's id breaks the last ties.
     */
    public static List<Suggestion> suggest(Slot slot, Assignment.Role role, List<Availability> engineers,
                                           List<Assignment> onBooking, Map<Long, Integer> loadInSpike) {
        List<Suggestion> found = new ArrayList<>();
        for (Availability a : engineers) {
            if (refusal(a, slot, role, onBooking).isPresent()) {
                continue;
            }
            Engineer e = a.engineer();
            List<String> reasons = new ArrayList<>();
            Set<Skill> matched = slot.needs().stream().filter(e::has).collect(Collectors.toSet());
            Set<Skill> missing = slot.needs().stream().filter(s -> !e.has(s)).collect(Collectors.toSet());
            int score = 10 * matched.size() - 5 * missing.size();
            if (!matched.isEmpty()) {
                reasons.add("knows " + keys(matched));
            }
            if (!missing.isEmpty()) {
                reasons.add("lacks " + keys(missing));
            }
            reasons.add("on shift");
            int load = loadInSpike.getOrDefault(e.id(), 0);
            score -= 2 * load;
            reasons.add(load == 0 ? "no other booking in this spike" : load + " other booking" + (load == 1 ? "" : "s") + " in this spike");
            if (withinWorkingDay(e.zone(), slot)) {
                score += 3;
                reasons.add("within their working day (" + hours(e.zone(), slot) + ")");
            } else {
                reasons.add("outside their working day (" + hours(e.zone(), slot) + ")");
            }
            reasons.add(e.lastAssignedAt() == null ? "not assigned before" : "last assigned " + e.lastAssignedAt().atZone(e.zone()).toLocalDate());
            found.add(new Suggestion(e, score, List.copyOf(reasons)));
        }
        found.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparing(s -> s.engineer().lastAssignedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(s -> s.engineer().id()));
        return found;
    }

    static boolean withinWorkingDay(ZoneId zone, Slot slot) {
        var start = slot.start().atZone(zone);
        var end = slot.end().atZone(zone);
        return start.toLocalDate().equals(end.toLocalDate()) && !start.toLocalTime().isBefore(DAY_STARTS)
                && !end.toLocalTime().isAfter(DAY_ENDS);
    }

    private static String hours(ZoneId zone, Slot slot) {
        return HOURS.format(slot.start().atZone(zone)) + "\u2013" + HOURS.format(slot.end().atZone(zone)) + " " + zone.getId();
    }

    private static String keys(Set<Skill> skills) {
        return skills.stream().sorted().map(Skill::key).collect(Collectors.joining(", "));
    }

    /** A problem the staffing board shows in red, and the key its filter uses. */
    public record Problem(String key, String text) {
    }

    /** What is wrong with a booking's staffing: a missing primary or backup, or an engineer who cannot take it. */
    public static List<Problem> problems(Slot slot, List<Assignment> onBooking, Map<Long, Availability> engineers) {
        List<Problem> problems = new ArrayList<>();
        for (Assignment.Role role : Assignment.Role.values()) {
            if (onBooking.stream().noneMatch(a -> a.active() && a.role() == role)) {
                problems.add(new Problem("no-" + role.key(), "No " + role.key() + " engineer."));
            }
        }
        for (Assignment a : onBooking) {
            Availability av = engineers.get(a.engineerId());
            if (!a.active() || av == null) {
                continue;
            }
            Engineer e = av.engineer();
            String who = e.name() + " (" + a.role().key() + ")";
            Set<Skill> missing = slot.needs().stream().filter(s -> !e.has(s)).collect(Collectors.toSet());
            if (!missing.isEmpty()) {
                problems.add(new Problem("missing-skill", who + " lacks " + keys(missing) + "."));
            }
            if (e.disabled()) {
                problems.add(new Problem("disabled", who + " is disabled."));
            }
            if (!onShift(av.shifts(), slot)) {
                problems.add(new Problem("off-shift", who + " is not on shift for the whole window."));
            }
            av.timeOff().stream().filter(off -> off.overlaps(slot.start(), slot.end())).findFirst()
                    .ifPresent(off -> problems.add(new Problem("time-off", who + " is on time off then (" + off.reason() + ").")));
        }
        return problems;
    }

    /**
     * How many upgrades a window can take with the engineers on shift for all of it: the sum of
     * their {@code maxConcurrent}, leaving out the disabled and those on time off.
     */
    public static int staffedCapacity(Instant start, Instant end, long spikeId, List<Availability> engineers) {
        Slot slot = new Slot(0, spikeId, start, end, Set.of());
        return engineers.stream()
                .filter(a -> !a.engineer().disabled() && onShift(a.shifts(), slot)
                        && a.timeOff().stream().noneMatch(off -> off.overlaps(start, end)))
                .mapToInt(a -> a.engineer().maxConcurrent()).sum();
    }
}

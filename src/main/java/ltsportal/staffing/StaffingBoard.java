package ltsportal.staffing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Spike;
import ltsportal.spikes.SpikeWindow;
import ltsportal.spikes.Spikes;
import org.jooq.DSLContext;

/** A spike's staffing at a glance: every window day by day, its bookings with their engineers and problems. */
public final class StaffingBoard {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final DSLContext db;
    private final Spikes spikes;
    private final Bookings bookings;
    private final Engineers engineers;
    private final Assignments assignments;

    public StaffingBoard(DSLContext db, Spikes spikes, Bookings bookings, Engineers engineers, Assignments assignments) {
        this.db = db;
        this.spikes = spikes;
        this.bookings = bookings;
        this.engineers = engineers;
        this.assignments = assignments;
    }

    /** One booking on the board. */
    public record Row(Booking booking, StaffingRules.Slot slot, Assignment primary, Assignment backup,
                      List<StaffingRules.Problem> problems) {
        public String needs() {
            return slot.needs().stream().sorted().map(Skill::key).collect(Collectors.joining(", "));
        }
    }

    /** One window with its open bookings, and what the engineers on shift can take of it. */
    public record WindowRow(SpikeWindow window, String day, String times, LocalDate date, int staffedCapacity,
                            List<Row> rows, StaffingRules.Problem problem) {
    }

    /** The board: windows in time order, and how many problems need attention. */
    public record Board(Spike spike, ZoneId zone, List<WindowRow> windows, int problems, Map<String, Integer> counts,
                        List<Engineer> engineers) {
        /** Windows whose own or whose bookings' problems match the filters. */
        public List<WindowRow> filtered(String day, Long engineerId, String problem) {
            List<WindowRow> shown = new ArrayList<>();
            for (WindowRow w : windows) {
                if (day != null && !w.date().toString().equals(day)) {
                    continue;
                }
                List<Row> rows = w.rows().stream()
                        .filter(r -> engineerId == null || on(r.primary(), engineerId) || on(r.backup(), engineerId))
                        .filter(r -> problem == null || r.problems().stream().anyMatch(p -> p.key().equals(problem)))
                        .toList();
                boolean windowMatches = problem != null && w.problem() != null && w.problem().key().equals(problem);
                if (!rows.isEmpty() || windowMatches || (engineerId == null && problem == null)) {
                    shown.add(new WindowRow(w.window(), w.day(), w.times(), w.date(), w.staffedCapacity(),
                            windowMatches && rows.isEmpty() && engineerId == null ? w.rows() : rows, w.problem()));
                }
            }
            return shown;
        }

        private static boolean on(Assignment a, long engineerId) {
            return a != null && a.engineerId() == engineerId;
        }
    }

    public Board build(User manager, Spike spike) {
        List<Engineer> all = engineers.all();
        Map<Long, StaffingRules.Availability> available = new LinkedHashMap<>();
        for (Engineer e : all) {
            available.put(e.id(), Assignments.availability(db, e, spike.id()));
        }
        Map<Long, List<Assignment>> byBooking = assignments.ofSpike(spike.id()).stream().filter(Assignment::active)
                .collect(Collectors.groupingBy(Assignment::bookingId));
        Map<Long, List<Booking>> byWindow = bookings.ofSpike(manager, spike.id()).stream()
                .filter(b -> b.status().active())
                .collect(Collectors.groupingBy(Booking::windowId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<WindowRow> windows = new ArrayList<>();
        for (SpikeWindow w : spikes.windows(spike.id())) {
            List<Row> rows = new ArrayList<>();
            for (Booking b : byWindow.getOrDefault(w.id(), List.of())) {
                var slot = new StaffingRules.Slot(b.id(), spike.id(), b.windowStart(), b.windowEnd(), Skill.needed(b.intake()));
                List<Assignment> on = byBooking.getOrDefault(b.id(), List.of());
                var problems = StaffingRules.problems(slot, on, available);
                problems.forEach(p -> counts.merge(p.key(), 1, Integer::sum));
                rows.add(new Row(b, slot, role(on, Assignment.Role.PRIMARY), role(on, Assignment.Role.BACKUP), problems));
            }
            int capacity = StaffingRules.staffedCapacity(w.start(), w.end(), spike.id(), List.copyOf(available.values()));
            StaffingRules.Problem problem = null;
            if (rows.size() > capacity) {
                problem = new StaffingRules.Problem("over-capacity", rows.size() + " booking" + (rows.size() == 1 ? "" : "s")
                        + ", but the engineers on shift take " + capacity + " at once.");
                counts.merge(problem.key(), 1, Integer::sum);
            }
            var start = w.start().atZone(spike.zone());
            windows.add(new WindowRow(w, DAY.format(start), TIME.format(start) + "\u2013" + TIME.format(w.end().atZone(spike.zone())),
                    start.toLocalDate(), capacity, rows, problem));
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Board(spike, spike.zone(), windows, total, counts, all);
    }

    private static Assignment role(List<Assignment> on, Assignment.Role role) {
        return on.stream().filter(a -> a.role() == role).findFirst().orElse(null);
    }

    /** The problem keys the board filters by, with how each reads. */
    public static final Map<String, String> PROBLEM_KEYS = orderedProblems();

    private static Map<String, String> orderedProblems() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("no-primary", "No primary");
        m.put("no-backup", "No backup");
        m.put("missing-skill", "Missing skill");
        m.put("off-shift", "Off shift");
        m.put("time-off", "On time off");
        m.put("disabled", "Disabled engineer");
        m.put("over-capacity", "Over staffed capacity");
        return java.util.Collections.unmodifiableMap(m);
    }
}

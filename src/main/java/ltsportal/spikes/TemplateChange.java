package ltsportal.spikes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What saving a spike's template does to its windows, worked out before anything is written: the preview a
 * manager sees and the update that follows compute it with this one function, so the windows stored are
 * exactly the ones promised. Windows the template makes and the spike lacks are added; windows it no longer
 * makes are removed unless a booking ever named them (then kept, for that booking's history and invitation);
 * without "allow parallel windows", a new window that would overlap a kept one is not added.
 */
public record TemplateChange(List<SpikeWindow> added, List<SpikeWindow> unchanged, List<SpikeWindow> kept,
                             List<SpikeWindow> removed, List<SpikeWindow> skipped) {

    /** Peak upgrades at once in each local hour of the day (hours with none are left out), after the change. */
    public record HourLoad(int hour, int places) {
        public String label() {
            return String.format("%02d:00", hour);
        }
    }

    public static TemplateChange of(List<WindowTemplate.Planned> planned, List<SpikeWindow> existing, Set<Long> everBooked,
                                    boolean allowParallel) {
        Set<Instant> wanted = planned.stream().map(WindowTemplate.Planned::start).collect(Collectors.toSet());
        Map<Instant, SpikeWindow> have = existing.stream().collect(Collectors.toMap(SpikeWindow::start, w -> w, (a, b) -> a));
        List<SpikeWindow> unchanged = new ArrayList<>();
        List<SpikeWindow> kept = new ArrayList<>();
        List<SpikeWindow> removed = new ArrayList<>();
        for (SpikeWindow w : existing) {
            if (wanted.contains(w.start())) {
                unchanged.add(w);
            } else if (everBooked.contains(w.id())) {
                kept.add(w);
            } else {
                removed.add(w);
            }
        }
        List<SpikeWindow> added = new ArrayList<>();
        List<SpikeWindow> skipped = new ArrayList<>();
        for (var p : planned) {
            if (have.containsKey(p.start())) {
                continue;
            }
            SpikeWindow w = new SpikeWindow(0, 0, p.start(), p.end(), p.capacity(), 0);
            boolean clash = !allowParallel && kept.stream().anyMatch(k -> overlap(k, w));
            (clash ? skipped : added).add(w);
        }
        return new TemplateChange(List.copyOf(added), List.copyOf(unchanged), List.copyOf(kept), List.copyOf(removed),
                List.copyOf(skipped));
    }

    static boolean overlap(SpikeWindow a, SpikeWindow b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    /** The first two windows of a start-ordered list that overlap, or null: the template's own clash. */
    static WindowTemplate.Planned[] firstOverlap(List<WindowTemplate.Planned> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            // Sorted by start, so the longest-running earlier window is what a later one can hit; all share one length.
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                return new WindowTemplate.Planned[] {sorted.get(i - 1), sorted.get(i)};
            }
        }
        return null;
    }

    /** The windows the spike has once the change is saved, in start order. */
    public List<SpikeWindow> after() {
        List<SpikeWindow> all = new ArrayList<>(unchanged);
        all.addAll(kept);
        all.addAll(added);
        all.sort(Comparator.comparing(SpikeWindow::start));
        return all;
    }

    public boolean changesAnything() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * For each local hour of the day, the most upgrades planned at once in it on any day of the spike: the sum of
     * the capacities of the windows open during that hour, peak over days.
     */
    public List<HourLoad> loadByHour(ZoneId zone) {
        Map<LocalDateTime, Integer> byHour = new TreeMap<>();
        for (SpikeWindow w : after()) {
            for (var t = w.start().atZone(zone).truncatedTo(ChronoUnit.HOURS); t.toInstant().isBefore(w.end()); t = t.plusHours(1)) {
                byHour.merge(t.toLocalDateTime(), w.capacity(), Integer::sum);
            }
        }
        int[] peak = new int[24];
        byHour.forEach((at, places) -> peak[at.getHour()] = Math.max(peak[at.getHour()], places));
        List<HourLoad> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (peak[h] > 0) {
                hours.add(new HourLoad(h, peak[h]));
            }
        }
        return hours;
    }
}

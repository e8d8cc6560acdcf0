package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.TimeZones;
import ltsportal.accounts.User;
import ltsportal.accounts.Auth;
import ltsportal.web.DateText;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;
import ltsportal.accounts.Role;
import ltsportal.notes.Echo;

/** Customers look at open spikes and their windows in their own time zone, and open the intake form. */
public final class SpikePages {
    private final Spikes spikes;
    private final Clock clock;

    public SpikePages(Spikes spikes, Clock clock) {
        this.spikes = spikes;
        this.clock = clock;
    }

    /**
     * Open spikes still running, and those over (under "Past"); for each, the windows free now and, when
     * none is bookable yet, the day booking opens (its first window less the booking horizon).
     */
    public record ListPage(List<Spike> spikes, List<Spike> past, Map<Long, Long> free, Map<Long, String> opensOn) {
    }

    /**
     * A spike's windows day by day in the chosen zone, as a slot picker; a zone that is not known is said next to the
     * selector. {@code ours}: window id to the viewer's organization's active booking in it.
     */
    public record ShowPage(Spike spike, String zone, String zoneError, List<TimeZones.Option> timeZones,
                           List<Day> days, String rules, Map<Long, Long> ours, String instance) {
    }

    /** One day of the slot picker: its heading, an anchor for the day list, its windows and how many are free. */
    public record Day(String anchor, String label, String shortLabel, List<WindowView> windows) {
        public long free() {
            return windows.stream().filter(WindowView::bookable).count();
        }
    }

    public void list(Context ctx) {
        User user = Auth.user(ctx);
        java.time.Instant now = clock.instant();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(user.zone()));
        List<Spike> open = spikes.open();
        Map<Long, Long> free = new LinkedHashMap<>();
        Map<Long, String> opensOn = new LinkedHashMap<>();
        for (Spike s : open) {
            var windows = spikes.windows(s.id());
            long bookable = WindowView.of(s, windows, user.zone(), now).stream().filter(WindowView::bookable).count();
            free.put(s.id(), bookable);
            var horizon = BookingRules.latestStart(s, now);
            windows.stream().filter(w -> w.start().isAfter(horizon)).findFirst()
                    .filter(w -> bookable == 0)
                    .ifPresent(w -> opensOn.put(s.id(), DateText.absoluteDate(
                            w.start().minus(java.time.Duration.ofDays(s.horizonDays())).atZone(user.zone()).toLocalDate())));
        }
        Templates.render(ctx, "spikes/list", new ListPage(open.stream().filter(s -> !s.endsOn().isBefore(today)).toList(),
                open.stream().filter(s -> s.endsOn().isBefore(today)).toList(), free, opensOn));
    }

    public void show(Context ctx) {
        User user = Auth.user(ctx);
        long id = parseId(ctx.pathParam("id"));
        // Customers see open spikes, and any spike their organization booked in (closed since, or not).
        Spike spike = spikes.byId(id).filter(s -> s.open() || user.role() != Role.CUSTOMER || spikes.bookedBy(s.id(), user.orgId()))
                .orElseThrow(() -> new PageNotFound("There is no open spike with this number."));
        Form in = Form.ofQuery(ctx);
        String tz = in.text("tz");
        ZoneId zone = tz.isEmpty() || !TimeZones.valid(tz) ? user.zone() : ZoneId.of(tz);
        in.check(tz.isEmpty() || TimeZones.valid(tz), "tz",
                "We do not know the time zone \u201c" + Echo.clip(tz) + "\u201d; the windows show in " + zone.getId() + ".");
        java.time.Instant at = spike.startsOn().atStartOfDay(spike.zone()).toInstant();
        Templates.render(ctx, in.valid() ? 200 : Form.INVALID, "spikes/show", new ShowPage(spike, zone.getId(),
                in.errors().get("tz"), TimeZones.options(at.isAfter(clock.instant()) ? at : clock.instant(), zone.getId()),
                days(WindowView.of(spike, spikes.windows(spike.id()), zone, clock.instant())), rules(spike),
                user.orgId() == null ? Map.of() : spikes.activeBookingsOf(spike.id(), user.orgId()),
                // from the instances page: each window's booking link carries the instance to fill in
                in.text("instance").matches("\\d{1,18}") ? in.text("instance") : null));
    }

    /** Customers see open spikes only; staff also see drafts and closed ones. */
    static Spike visibleSpike(Context ctx, User user, Spikes spikes) {
        long id = parseId(ctx.pathParam("id"));
        return spikes.byId(id).filter(s -> s.open() || user.role() != Role.CUSTOMER)
                .orElseThrow(() -> new PageNotFound("There is no open spike with this number."));
    }

    public static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is nothing with this number.");
        }
    }

    static List<Day> days(List<WindowView> views) {
        List<Day> days = new java.util.ArrayList<>();
        byDay(views).forEach((label, windows) -> days.add(new Day("day-" + windows.get(0).start().toLocalDate(), label,
                SHORT_DAY.format(windows.get(0).start()), windows)));
        return days;
    }

    private static final java.time.format.DateTimeFormatter SHORT_DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH);

    static Map<String, List<WindowView>> byDay(List<WindowView> views) {
        Map<String, List<WindowView>> days = new LinkedHashMap<>();
        for (WindowView v : views) {
            days.computeIfAbsent(v.day(), d -> new java.util.ArrayList<>()).add(v);
        }
        return days;
    }

    static String rules(Spike spike) {
        return "Book at least " + spike.minNoticeBusinessDays() + " business day" + (spike.minNoticeBusinessDays() == 1 ? "" : "s")
                + " ahead and at most " + spike.horizonDays() + " days ahead. Cancel or move online until "
                + spike.cancelCutoffHours() + " hours before your window.";
    }

}

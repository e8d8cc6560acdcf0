package ltsportal.spikes;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ltsportal.accounts.TimeZones;
import ltsportal.catalog.Catalog;
import ltsportal.notes.Markdown;
import ltsportal.web.Form;

/** A manager's spike form, bound field by field, checked, and turned into a {@link Spike}. */
public record SpikeForm(String name, String description, String startsOn, String endsOn, String timeZone,
                        String focus, List<String> weekdays, String startTimes, String windowMinutes, String capacity,
                        String blackoutDates, String minNotice, String horizonDays, String cancelCutoffHours,
                        String status, boolean capacityFromStaffing, String maxBookingsPerOrganization, boolean allowParallel) {

    static final int MAX_WINDOWS = 2000;
    private static final Map<String, DayOfWeek> WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values())
            .collect(java.util.stream.Collectors.toMap(DayOfWeek::name, d -> d));

    public static SpikeForm bind(Form in) {
        return new SpikeForm(in.text("name"), in.text("description"), in.text("startsOn"), in.text("endsOn"),
                in.text("timeZone"), in.text("focus"), in.all("weekdays"), in.text("startTimes"),
                in.text("windowMinutes"), in.text("capacity"), in.text("blackoutDates"), in.text("minNotice"),
                in.text("horizonDays"), in.text("cancelCutoffHours"), in.text("status"),
                in.text("capacityFromStaffing").equals("true"), in.text("maxBookingsPerOrganization"),
                in.text("allowParallel").equals("true"));
    }

    public static SpikeForm blank(LocalDate today) {
        return new SpikeForm("", "", today.plusDays(14).toString(), today.plusDays(27).toString(), "Europe/Berlin",
                "", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "09:00, 14:00", "240", "3", "",
                "3", "90", "24", "draft", false, String.valueOf(Spike.DEFAULT_MAX_BOOKINGS_PER_ORGANIZATION), false);
    }

    public static SpikeForm of(Spike s) {
        return new SpikeForm(s.name(), s.descriptionMarkdown(), s.startsOn().toString(), s.endsOn().toString(),
                s.zone().getId(), s.focus(), s.template().weekdays().stream().map(DayOfWeek::name).toList(),
                String.join(", ", s.template().startTimes().stream().map(LocalTime::toString).toList()),
                String.valueOf(s.template().duration().toMinutes()), String.valueOf(s.template().capacity()),
                String.join(", ", new TreeSet<>(s.blackoutDates()).stream().map(LocalDate::toString).toList()),
                String.valueOf(s.minNoticeBusinessDays()), String.valueOf(s.horizonDays()),
                String.valueOf(s.cancelCutoffHours()), s.status().key(), s.capacityFromStaffing(),
                String.valueOf(s.maxBookingsPerOrganization()), s.allowParallel());
    }

    public boolean hasDay(String day) {
        return weekdays.contains(day);
    }

    private static final String DATE_MESSAGE = "Give dates as YYYY-MM-DD.";
    private static final Map<String, Spike.Status> STATUSES = Map.of(
            "draft", Spike.Status.DRAFT, "open", Spike.Status.OPEN, "closed", Spike.Status.CLOSED);

    /** A date a manager may give: from a year ago to five years ahead (a year of 999999999 is not one). */
    private static LocalDate inRange(Form in, String field, LocalDate day, LocalDate earliest, LocalDate latest) {
        if (day == null) {
            return null;
        }
        return in.check(!day.isBefore(earliest) && !day.isAfter(latest), field,
                "Give a date from " + earliest + " to " + latest + ".") ? day : null;
    }

    /** Checks the form into {@code in}; the spike it describes, or null when a field did not pass. */
    /** The rendered description's bound: Markdown that multiplies (a long link reused by reference) is refused. */
    static final int DESCRIPTION_HTML_MAX = 200_000;

    public Spike check(Form in, long id, Catalog catalog, Markdown markdown, LocalDate today) {
        in.required("name", name, Spike.NAME_MAX, "Give the spike a name of at most " + Spike.NAME_MAX + " characters.");
        String html = null;
        if (in.atMost("description", description, 8000, "Keep the description under 8000 characters.")) {
            html = markdown.toSafeHtml(description);
            in.check(html.length() <= DESCRIPTION_HTML_MAX, "description",
                    "This description grows too long once rendered (a long link used many times?): shorten it.");
        }
        LocalDate earliest = today.minusYears(1);
        LocalDate latest = today.plusYears(5);
        LocalDate from = inRange(in, "startsOn", in.date("startsOn", startsOn, DATE_MESSAGE), earliest, latest);
        LocalDate to = inRange(in, "endsOn", in.date("endsOn", endsOn, DATE_MESSAGE), earliest, latest);
        if (from != null && to != null) {
            in.check(!to.isBefore(from), "endsOn", "The spike must end on or after its first day.");
            in.check(ChronoUnit.DAYS.between(from, to) <= 366, "endsOn", "A spike lasts at most a year.");
            in.check(!"open".equals(status) || !to.isBefore(today), "endsOn",
                    "An open spike cannot be over already: choose dates ahead, or save it as closed.");
        }
        in.check(TimeZones.valid(timeZone), "timeZone", "Choose a time zone from the list.");
        var focusLine = SpikeFocus.parse(focus, catalog);
        in.check(focusLine.isPresent(), "focus", "Give the release line the spike is for, such as 18.11: one GitLab has "
                + "released, or one announced after " + catalog.newest().name() + " (up to the next major's x.11).");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : weekdays) {
            DayOfWeek day = in.choice("weekdays", d, WEEKDAYS, "Choose weekdays from the list.");
            if (day != null) {
                days.add(day);
            }
        }
        in.check(!days.isEmpty(), "weekdays", "Choose at least one weekday.");
        List<LocalTime> times = new ArrayList<>();
        for (String t : startTimes.split("[,\\s]+")) {
            if (!t.isBlank()) {
                LocalTime time = in.time("startTimes", t, "Give start times as HH:MM separated by commas, such as 09:00, 14:00.");
                if (time != null) {
                    times.add(time);
                }
            }
        }
        in.check(!times.isEmpty() && times.size() <= 12 && new TreeSet<>(times).size() == times.size(), "startTimes",
                "Give between 1 and 12 different start times, such as 09:00, 14:00.");
        Integer minutes = in.number("windowMinutes", windowMinutes, 15, 1440, "Windows last 15 to 1440 minutes.");
        Integer cap = in.number("capacity", capacity, 1, 100, "Capacity is 1 to 100 upgrades at once.");
        Set<LocalDate> blackout = new TreeSet<>();
        for (String d : blackoutDates.split("[,\\s]+")) {
            if (!d.isBlank()) {
                LocalDate day = in.date("blackoutDates", d, DATE_MESSAGE);
                if (day != null && from != null && to != null
                        && in.check(!day.isBefore(from) && !day.isAfter(to), "blackoutDates",
                        "Blackout dates are days of the spike (" + from + " to " + to + "); " + day + " is not.")) {
                    blackout.add(day);
                }
            }
        }
        Integer notice = in.number("minNotice", minNotice, 0, 30, "Minimum notice is 0 to 30 business days.");
        Integer horizon = in.number("horizonDays", horizonDays, 1, 365, "The horizon is 1 to 365 days.");
        Integer cutoff = in.number("cancelCutoffHours", cancelCutoffHours, 0, 720, "The cut-off is 0 to 720 hours.");
        Spike.Status st = in.choice("status", status, STATUSES, "Choose draft, open or closed.");
        Integer perOrganization = in.number("maxBookingsPerOrganization", maxBookingsPerOrganization, 1, 100,
                "An organization may hold 1 to 100 bookings in a spike.");
        if (!in.valid()) {
            return null;
        }
        var template = new WindowTemplate(days, times, Duration.ofMinutes(minutes), cap);
        var windows = template.generate(from, to, ZoneId.of(timeZone), blackout);
        if (!in.check(windows.size() <= MAX_WINDOWS, "startTimes",
                "That makes more than " + MAX_WINDOWS + " windows: shorten the spike or use fewer start times.")) {
            return null;
        }
        var clash = allowParallel ? null : TemplateChange.firstOverlap(windows);
        if (clash != null) {
            var zone = ZoneId.of(timeZone);
            in.check(false, "startTimes", "These windows overlap: the one from "
                    + clash[0].start().atZone(zone).toLocalDateTime().toString().replace('T', ' ') + " runs " + minutes
                    + " minutes, past the next start at " + clash[1].start().atZone(zone).toLocalTime()
                    + ". Space the start times by the window length, shorten the windows, or tick \"Allow parallel windows\".");
            return null;
        }
        return new Spike(id, name, description, html, from, to,
                ZoneId.of(timeZone), focusLine.get(), template, blackout, notice, horizon, cutoff, st,
                capacityFromStaffing, perOrganization, allowParallel);
    }
}

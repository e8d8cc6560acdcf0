package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ltsportal.accounts.TimeZones;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.Version;
import ltsportal.notes.Markdown;

/** A manager's spike form, bound field by field, checked, and turned into a {@link Spike}. */
public record SpikeForm(String name, String description, String startsOn, String endsOn, String timeZone,
                        String focus, List<String> weekdays, String startTimes, String windowMinutes, String capacity,
                        String blackoutDates, String minNotice, String horizonDays, String cancelCutoffHours,
                        String status) {

    static final int MAX_WINDOWS = 2000;

    public static SpikeForm from(Context ctx) {
        return new SpikeForm(p(ctx, "name"), p(ctx, "description"), p(ctx, "startsOn"), p(ctx, "endsOn"),
                p(ctx, "timeZone"), p(ctx, "focus"), ctx.formParams("weekdays"), p(ctx, "startTimes"),
                p(ctx, "windowMinutes"), p(ctx, "capacity"), p(ctx, "blackoutDates"), p(ctx, "minNotice"),
                p(ctx, "horizonDays"), p(ctx, "cancelCutoffHours"), p(ctx, "status"));
    }

    public static SpikeForm blank(LocalDate today) {
        return new SpikeForm("", "", today.plusDays(14).toString(), today.plusDays(27).toString(), "Europe/Berlin",
                "", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "09:00, 14:00", "240", "3", "",
                "3", "90", "24", "draft");
    }

    public static SpikeForm of(Spike s) {
        return new SpikeForm(s.name(), s.descriptionMarkdown(), s.startsOn().toString(), s.endsOn().toString(),
                s.zone().getId(), s.focus(), s.template().weekdays().stream().map(DayOfWeek::name).toList(),
                String.join(", ", s.template().startTimes().stream().map(LocalTime::toString).toList()),
                String.valueOf(s.template().duration().toMinutes()), String.valueOf(s.template().capacity()),
                String.join(", ", new TreeSet<>(s.blackoutDates()).stream().map(LocalDate::toString).toList()),
                String.valueOf(s.minNoticeBusinessDays()), String.valueOf(s.horizonDays()),
                String.valueOf(s.cancelCutoffHours()), s.status().key());
    }

    private static String p(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    public boolean hasDay(String day) {
        return weekdays.contains(day);
    }

    /** The spike, or the reasons it cannot be one. */
    public record Checked(Map<String, String> errors, Spike spike) {
    }

    public Checked check(long id, Catalog catalog, Markdown markdown) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "Give the spike a name of at most 120 characters.");
        }
        if (description.length() > 8000) {
            errors.put("description", "Keep the description under 8000 characters.");
        }
        LocalDate from = date(errors, "startsOn", startsOn);
        LocalDate to = date(errors, "endsOn", endsOn);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("endsOn", "The spike must end on or after its first day.");
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) > 366) {
            errors.put("endsOn", "A spike lasts at most a year.");
        }
        if (!TimeZones.valid(timeZone)) {
            errors.put("timeZone", "Choose a time zone from the list.");
        }
        var focusLine = Version.parse(focus).filter(v -> !v.hasPatch()).flatMap(catalog::line);
        if (focusLine.isEmpty()) {
            errors.put("focus", "Give the release line the spike is for, such as 18.11.");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : weekdays) {
            try {
                days.add(DayOfWeek.valueOf(d));
            } catch (IllegalArgumentException e) {
                errors.put("weekdays", "Choose weekdays from the list.");
            }
        }
        if (days.isEmpty()) {
            errors.putIfAbsent("weekdays", "Choose at least one weekday.");
        }
        List<LocalTime> times = new ArrayList<>();
        for (String t : startTimes.split("[,\\s]+")) {
            if (t.isBlank()) {
                continue;
            }
            try {
                times.add(LocalTime.parse(t.length() == 4 ? "0" + t : t));
            } catch (DateTimeParseException e) {
                errors.put("startTimes", "Give start times as HH:MM separated by commas, such as 09:00, 14:00.");
            }
        }
        if (times.isEmpty() || times.size() > 12 || new TreeSet<>(times).size() != times.size()) {
            errors.putIfAbsent("startTimes", "Give between 1 and 12 different start times, such as 09:00, 14:00.");
        }
        int minutes = number(errors, "windowMinutes", windowMinutes, 15, 1440, "Windows last 15 to 1440 minutes.");
        int cap = number(errors, "capacity", capacity, 1, 100, "Capacity is 1 to 100 upgrades at once.");
        Set<LocalDate> blackout = new TreeSet<>();
        for (String d : blackoutDates.split("[,\\s]+")) {
            if (!d.isBlank()) {
                LocalDate day = date(errors, "blackoutDates", d);
                if (day != null) {
                    blackout.add(day);
                }
            }
        }
        int notice = number(errors, "minNotice", minNotice, 0, 30, "Minimum notice is 0 to 30 business days.");
        int horizon = number(errors, "horizonDays", horizonDays, 1, 365, "The horizon is 1 to 365 days.");
        int cutoff = number(errors, "cancelCutoffHours", cancelCutoffHours, 0, 720, "The cut-off is 0 to 720 hours.");
        Spike.Status st = switch (status) {
            case "draft" -> Spike.Status.DRAFT;
            case "open" -> Spike.Status.OPEN;
            case "closed" -> Spike.Status.CLOSED;
            default -> {
                errors.put("status", "Choose draft, open or closed.");
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            return new Checked(Map.copyOf(errors), null);
        }
        var template = new WindowTemplate(days, times, Duration.ofMinutes(minutes), cap);
        if (template.generate(from, to, ZoneId.of(timeZone), blackout).size() > MAX_WINDOWS) {
            return new Checked(Map.of("startTimes", "That makes more than " + MAX_WINDOWS + " windows: shorten the spike or use fewer start times."), null);
        }
        return new Checked(Map.of(), new Spike(id, name, description, markdown.toSafeHtml(description), from, to,
                ZoneId.of(timeZone), focusLine.get().name(), template, blackout, notice, horizon, cutoff, st));
    }

    private static LocalDate date(Map<String, String> errors, String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "Give dates as YYYY-MM-DD.");
            return null;
        }
    }

    private static int number(Map<String, String> errors, String field, String text, int min, int max, String message) {
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, message);
        return min;
    }
}

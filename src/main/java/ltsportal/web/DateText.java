package ltsportal.web;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates as people read them: "16 Apr 2026" and "in 3 months", relative to one day. */
public final class DateText {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private final LocalDate today;

    public DateText(LocalDate today) {
        this.today = today;
    }

    public LocalDate today() {
        return today;
    }

    public String absolute(LocalDate date) {
        return absoluteDate(date);
    }

    public static String absoluteDate(LocalDate date) {
        return date == null ? "" : ABSOLUTE.format(date);
    }

    public String relative(LocalDate date) {
        if (date == null) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(today, date);
        if (days == 0) {
            return "today";
        }
        String span = span(Math.abs(days), days > 0 ? Period.between(today, date) : Period.between(date, today));
        return days > 0 ? "in " + span : span + " ago";
    }

    private static String span(long days, Period period) {
        if (days == 1) {
            return "1 day";
        }
        if (days < 45) {
            return days + " days";
        }
        long months = period.toTotalMonths() + (period.getDays() >= 15 ? 1 : 0);
        if (months < 18) {
            return months == 1 ? "1 month" : months + " months";
        }
        long years = Math.round(months / 12.0);
        return years == 1 ? "1 year" : years + " years";
    }
}

package ltsportal.staffing;

import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.TimeZones;
import ltsportal.accounts.User;
import ltsportal.spikes.Spike;
import ltsportal.spikes.Spikes;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/**
 * Engineers' profiles, shifts and time off. Engineers edit their own shifts and time off at /me;
 * managers edit anyone's, and their profiles, at /manage/engineers.
 */
public final class EngineerPages {
    private static final Map<String, DayOfWeek> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toMap(DayOfWeek::name, d -> d));

    private final Engineers engineers;
    private final Spikes spikes;
    private final Capacity capacity;
    private final AuditLog audit;

    public EngineerPages(Engineers engineers, Spikes spikes, Capacity capacity, AuditLog audit) {
        this.engineers = engineers;
        this.spikes = spikes;
        this.capacity = capacity;
        this.audit = audit;
    }

    public record ProfileForm(List<String> skills, String maxConcurrent) {
    }

    public record ShiftForm(String spikeId, List<String> weekdays, String start, String end, String timeZone, String from,
                            String to) {
        static ShiftForm blank(Engineer e) {
            return new ShiftForm("", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "09:00", "17:00",
                    e.zone().getId(), "", "");
        }

        public boolean hasDay(String day) {
            return weekdays.contains(day);
        }
    }

    public record TimeOffForm(String from, String to, String reason) {
        static final TimeOffForm BLANK = new TimeOffForm("", "", "");
    }

    public record ListPage(List<Engineer> engineers) {
    }

    /** An engineer's page: the profile (for managers), shifts and time off, each form with its own errors. */
    public record EngineerPage(Engineer engineer, boolean own, String base, ProfileForm profile, ShiftForm shiftForm,
                               TimeOffForm timeOffForm, Map<String, String> errors, List<Shift> shifts,
                               Map<Long, String> spikeNames, List<Spike> spikes, List<TimeOff> timeOff,
                               List<String> allSkills, DayOfWeek[] weekdays, List<String> timeZones) {
    }

    public void list(Context ctx) {
        Templates.render(ctx, "staffing/engineers", new ListPage(engineers.all()));
    }

    public void edit(Context ctx) {
        render(ctx, 200, other(ctx), false, null, null, null, Map.of());
    }

    public void mine(Context ctx) {
        render(ctx, 200, me(ctx), true, null, null, null, Map.of());
    }

    public void saveProfile(Context ctx) {
        Engineer e = other(ctx);
        Form in = Form.of(ctx);
        var form = new ProfileForm(in.all("skills"), in.text("maxConcurrent"));
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String key : form.skills()) {
            Skill.of(key).ifPresentOrElse(skills::add, () -> in.check(false, "skills", "Choose skills from the list."));
        }
        Integer max = in.number("maxConcurrent", form.maxConcurrent(), 1, Engineer.MAX_CONCURRENT_LIMIT,
                "An engineer takes 1 to " + Engineer.MAX_CONCURRENT_LIMIT + " bookings at once.");
        if (!in.valid()) {
            render(ctx, Form.INVALID, e, false, form, null, null, in.errors());
            return;
        }
        engineers.saveProfile(e.id(), skills, max);
        capacity.recomputeAll();
        audit.record("engineer.profile", Auth.user(ctx), e.email(), "skills " + Engineers.keys(skills) + "; at most " + max, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/engineers/" + e.id(), "The profile of " + e.name() + " is saved.");
    }

    public void addShift(Context ctx) {
        boolean own = ctx.path().startsWith("/me/");
        Engineer e = own ? me(ctx) : other(ctx);
        Form in = Form.of(ctx);
        var form = new ShiftForm(in.text("spikeId"), in.all("weekdays"), in.text("start"), in.text("end"), in.text("timeZone"),
                in.text("firstDay"), in.text("lastDay"));
        Spike spike = null;
        try {
            spike = spikes.byId(Long.parseLong(form.spikeId())).orElse(null);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        in.check(spike != null, "spikeId", "Choose the spike the shift is for.");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        form.weekdays().forEach(d -> {
            DayOfWeek day = in.choice("weekdays", d, WEEKDAYS, "Choose weekdays from the list.");
            if (day != null) {
                days.add(day);
            }
        });
        in.check(!days.isEmpty(), "weekdays", "Choose at least one weekday.");
        LocalTime start = in.time("start", form.start(), "Give the start as HH:MM.");
        LocalTime end = in.time("end", form.end(), "Give the end as HH:MM.");
        if (start != null && end != null) {
            in.check(end.isAfter(start), "end", "A shift ends after it starts, on the same day.");
        }
        in.check(TimeZones.valid(form.timeZone()), "timeZone", "Choose a time zone from the list.");
        LocalDate from = in.date("firstDay", form.from(), "Give the first day as YYYY-MM-DD.");
        LocalDate to = in.date("lastDay", form.to(), "Give the last day as YYYY-MM-DD.");
        if (from != null && to != null) {
            in.check(!to.isBefore(from), "lastDay", "The last day is on or after the first.");
            if (spike != null) {
                in.check(!from.isBefore(spike.startsOn()) && !to.isAfter(spike.endsOn()), "firstDay",
                        "A shift lies within its spike: " + spike.startsOn() + " to " + spike.endsOn() + ".");
            }
        }
        if (in.valid()) {
            Shift shift = new Shift(0, spike.id(), e.id(), days, start, end, ZoneId.of(form.timeZone()), from, to);
            engineers.shiftsOf(e.id()).stream().filter(s -> s.spikeId() == shift.spikeId() && s.overlaps(shift)).findFirst()
                    .ifPresent(s -> in.check(false, "start", "This overlaps another shift of " + e.name() + " ("
                            + s.weekdayNames() + " " + s.start() + "\u2013" + s.end() + ", " + s.from() + " to " + s.to() + ")."));
        }
        if (!in.valid()) {
            render(ctx, Form.INVALID, e, own, null, form, null, in.errors());
            return;
        }
        engineers.addShift(new Shift(0, spike.id(), e.id(), days, start, end, ZoneId.of(form.timeZone()), from, to));
        capacity.recompute(spike.id());
        audit.record("shift.added", Auth.user(ctx), e.email(), spike.name() + ": " + form.weekdays() + " " + start + "-" + end
                + " " + form.timeZone() + ", " + from + " to " + to, ClientAddress.of(ctx));
        Flash.redirect(ctx, back(own, e), "The shift is added.");
    }

    public void removeShift(Context ctx) {
        boolean own = ctx.path().startsWith("/me/");
        Engineer e = own ? me(ctx) : other(ctx);
        var spikeId = engineers.removeShift(e.id(), id(ctx.pathParam("shiftId")))
                .orElseThrow(() -> new PageNotFound("There is no such shift."));
        capacity.recompute(spikeId);
        audit.record("shift.removed", Auth.user(ctx), e.email(), "shift " + ctx.pathParam("shiftId"), ClientAddress.of(ctx));
        Flash.redirect(ctx, back(own, e), "The shift is removed.");
    }

    public void addTimeOff(Context ctx) {
        boolean own = ctx.path().startsWith("/me/");
        Engineer e = own ? me(ctx) : other(ctx);
        Form in = Form.of(ctx);
        var form = new TimeOffForm(in.text("from"), in.text("to"), in.text("reason"));
        LocalDateTime from = dateTime(in, "from", form.from());
        LocalDateTime to = dateTime(in, "to", form.to());
        if (from != null && to != null) {
            in.check(to.isAfter(from), "to", "Time off ends after it starts.");
        }
        in.required("reason", form.reason(), 200, "Say why in a few words (at most 200 characters).");
        if (!in.valid()) {
            render(ctx, Form.INVALID, e, own, null, null, form, in.errors());
            return;
        }
        engineers.addTimeOff(e.id(), from.atZone(e.zone()).toInstant(), to.atZone(e.zone()).toInstant(), form.reason());
        capacity.recomputeAll();
        audit.record("time-off.added", Auth.user(ctx), e.email(), from + " to " + to + " " + e.zone().getId() + ": " + form.reason(), ClientAddress.of(ctx));
        Flash.redirect(ctx, back(own, e), "The time off is saved.");
    }

    public void removeTimeOff(Context ctx) {
        boolean own = ctx.path().startsWith("/me/");
        Engineer e = own ? me(ctx) : other(ctx);
        if (!engineers.removeTimeOff(e.id(), id(ctx.pathParam("timeOffId")))) {
            throw new PageNotFound("There is no such time off.");
        }
        capacity.recomputeAll();
        audit.record("time-off.removed", Auth.user(ctx), e.email(), "time off " + ctx.pathParam("timeOffId"), ClientAddress.of(ctx));
        Flash.redirect(ctx, back(own, e), "The time off is removed.");
    }

    private static LocalDateTime dateTime(Form in, String field, String value) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            in.check(false, field, "Give a date and time such as 2026-06-15T09:00.");
            return null;
        }
    }

    private static String back(boolean own, Engineer e) {
        return own ? "/me/shifts" : "/manage/engineers/" + e.id();
    }

    private Engineer me(Context ctx) {
        User user = Auth.user(ctx);
        return engineers.byId(user.id()).orElseThrow(() -> new PageNotFound("Only engineers and managers have shifts."));
    }

    /** The engineer a manager opened; a customer's or an admin's id is not an engineer (404 either way). */
    private Engineer other(Context ctx) {
        return engineers.byId(id(ctx.pathParam("userId")))
                .orElseThrow(() -> new PageNotFound("There is no engineer with this number."));
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is nothing with this number.");
        }
    }

    private void render(Context ctx, int status, Engineer e, boolean own, ProfileForm profile, ShiftForm shift,
                        TimeOffForm off, Map<String, String> errors) {
        List<Spike> all = spikes.all();
        Templates.render(ctx, status, "staffing/engineer", new EngineerPage(e, own, own ? "/me" : "/manage/engineers/" + e.id(),
                profile != null ? profile : new ProfileForm(e.skills().stream().map(Skill::key).toList(), String.valueOf(e.maxConcurrent())),
                shift != null ? shift : ShiftForm.blank(e), off != null ? off : TimeOffForm.BLANK, errors,
                engineers.shiftsOf(e.id()), all.stream().collect(Collectors.toMap(Spike::id, Spike::name)), all,
                engineers.timeOffOf(e.id()), Arrays.stream(Skill.values()).map(Skill::key).toList(), DayOfWeek.values(),
                TimeZones.ALL));
    }

}

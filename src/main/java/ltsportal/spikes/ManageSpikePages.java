package ltsportal.spikes;

import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.web.ClientAddress;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import ltsportal.accounts.Auth;
import ltsportal.accounts.TimeZones;
import ltsportal.catalog.Catalog;
import ltsportal.notes.Markdown;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** Managers create and edit spikes and adjust single windows. */
public final class ManageSpikePages {
    private static final String WINDOW_SIZE = "A window lasts 15 to 1440 minutes and takes 1 to 100 upgrades at once.";

    private final Spikes spikes;
    private final Bookings bookings;
    private final Catalog catalog;
    private final Markdown markdown;
    private final Clock clock;
    private final LongConsumer afterSave;
    private final AuditLog audit;
    private final WindowChanges windowChanges;

    /** {@code afterSave} gets the id of every spike saved (staffing recomputes capacities from it). */
    public ManageSpikePages(Spikes spikes, Bookings bookings, Catalog catalog, Markdown markdown, Clock clock,
                            LongConsumer afterSave, AuditLog audit, WindowChanges windowChanges) {
        this.audit = audit;
        this.windowChanges = windowChanges;
        this.spikes = spikes;
        this.bookings = bookings;
        this.catalog = catalog;
        this.markdown = markdown;
        this.clock = clock;
        this.afterSave = afterSave;
    }

    /** A single window as the manager typed it, in the spike's zone. */
    public record WindowForm(String date, String time, String minutes, String capacity) {
        static final WindowForm BLANK = new WindowForm("", "09:00", "240", "3");

        static WindowForm bind(Form in) {
            return new WindowForm(in.text("date"), in.text("time"), in.text("minutes"), in.text("capacity"));
        }
    }

    public record ListPage(List<Spike> spikes) {
    }

    /** The spike form (new or existing), and for an existing spike its windows and bookings. */
    public record EditPage(Spike spike, SpikeForm form, Map<String, String> errors, WindowForm windowForm,
                           Map<String, String> windowErrors, List<String> timeZones, DayOfWeek[] weekdays,
                           List<WindowView> windows, List<Booking> bookings) {
    }

    public void list(Context ctx) {
        Templates.render(ctx, "spikes/manage-list", new ListPage(spikes.all()));
    }

    public void newForm(Context ctx) {
        renderEdit(ctx, 200, null, SpikeForm.blank(LocalDate.now(clock)), Map.of());
    }

    public void create(Context ctx) {
        Form in = Form.of(ctx);
        SpikeForm form = SpikeForm.bind(in);
        Spike spike = form.check(in, 0, catalog, markdown, java.time.LocalDate.now(clock));
        if (spike == null) {
            renderEdit(ctx, Form.INVALID, null, form, in.errors());
            return;
        }
        long id = spikes.create(spike, clock.instant());
        afterSave.accept(id);
        audit.record("spike.created", Auth.user(ctx), "spike " + id, spike.name() + ", " + spike.status().key(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/spikes/" + id, "The spike is created with its windows.");
    }

    public void edit(Context ctx) {
        Spike spike = spike(ctx);
        renderEdit(ctx, 200, spike, SpikeForm.of(spike), Map.of());
    }

    public void update(Context ctx) {
        Spike spike = spike(ctx);
        Form in = Form.of(ctx);
        SpikeForm form = SpikeForm.bind(in);
        Spike changed = form.check(in, spike.id(), catalog, markdown, java.time.LocalDate.now(clock));
        if (changed == null) {
            renderEdit(ctx, Form.INVALID, spike, form, in.errors());
            return;
        }
        List<SpikeWindow> kept = spikes.update(changed);
        afterSave.accept(spike.id());
        audit.record("spike.updated", Auth.user(ctx), "spike " + spike.id(), changed.name() + ", " + changed.status().key()
                + (kept.isEmpty() ? "" : "; " + kept.size() + " booked windows kept"), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/spikes/" + spike.id(), "Saved. Windows follow the template" + keptText(kept, changed));
    }

    /** Names the windows the template dropped but the spike kept: the first few, then how many more. */
    private static String keptText(List<SpikeWindow> kept, Spike spike) {
        if (kept.isEmpty()) {
            return ".";
        }
        int named = Math.min(kept.size(), 4);
        return "; kept because they hold or held bookings: " + kept.subList(0, named).stream()
                .map(w -> WindowView.describe(w.start(), w.end(), spike.zone())).collect(Collectors.joining("; "))
                + (kept.size() > named ? " and " + (kept.size() - named) + " more" : "") + ".";
    }

    public void addWindow(Context ctx) {
        Spike spike = spike(ctx);
        Form in = Form.of(ctx);
        WindowForm form = WindowForm.bind(in);
        LocalDate date = in.date("date", form.date(), "Give the window's date as YYYY-MM-DD.");
        LocalTime time = in.time("time", form.time(), "Give the start time as HH:MM in " + spike.zone().getId() + ".");
        Integer minutes = in.number("minutes", form.minutes(), 15, 1440, "A window lasts 15 to 1440 minutes.");
        Integer capacity = in.number("capacity", form.capacity(), 1, 100, "A window takes 1 to 100 upgrades at once.");
        if (date != null) {
            in.check(!date.isBefore(spike.startsOn()) && !date.isAfter(spike.endsOn()), "date",
                    "Windows are inside the spike: from " + spike.startsOn() + " to " + spike.endsOn() + ".");
            in.check(!spike.blackoutDates().contains(date), "date", date + " is a blackout day of this spike.");
        }
        ZonedDateTime start = null;
        if (date != null && time != null) {
            var offsets = spike.zone().getRules().getValidOffsets(java.time.LocalDateTime.of(date, time));
            if (offsets.isEmpty()) {
                // A local time the clocks skip (spring forward): say so, and which time exists instead.
                var next = ZonedDateTime.of(date, time, spike.zone()).toLocalTime();
                in.check(false, "time", time + " does not exist on " + date + " in " + spike.zone().getId()
                        + ": the clocks skip it. Choose " + next + " instead, or another time.");
            } else {
                start = ZonedDateTime.of(date, time, spike.zone());
                in.check(start.toInstant().isAfter(clock.instant()), "time", "That moment has passed: windows start in the future.");
                in.check(!spikes.hasWindowAt(spike.id(), start.toInstant()), "time",
                        "The spike has a window starting at " + time + " on " + date + " already.");
            }
        }
        if (!in.valid()) {
            renderEdit(ctx, Form.INVALID, spike, SpikeForm.of(spike), Map.of(), form, in.errors());
            return;
        }
        spikes.addWindow(spike.id(), start.toInstant(), start.toInstant().plus(Duration.ofMinutes(minutes)), capacity);
        audit.record("window.added", Auth.user(ctx), "spike " + spike.id(), start.toOffsetDateTime() + ", " + minutes + " min, "
                + capacity + " places", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/spikes/" + spike.id(), "The window is added.");
    }

    public void resizeWindow(Context ctx) {
        Spike spike = spike(ctx);
        SpikeWindow window = window(ctx, spike);
        Form in = Form.of(ctx);
        Integer minutes = in.number("window", in.text("minutes"), 15, 1440, WINDOW_SIZE);
        Integer capacity = in.number("window", in.text("capacity"), 1, 100, WINDOW_SIZE);
        if (!in.valid()) {
            renderEdit(ctx, Form.INVALID, spike, SpikeForm.of(spike), in.errors());
            return;
        }
        if (!windowChanges.resize(Auth.user(ctx), spike.id(), window.id(), window.start().plus(Duration.ofMinutes(minutes)), capacity)) {
            renderEdit(ctx, 409, spike, SpikeForm.of(spike), Map.of("window", "That window has " + window.booked()
                    + " bookings: its capacity cannot go below them."));
            return;
        }
        audit.record("window.changed", Auth.user(ctx), "spike " + spike.id(), "window " + window.id() + ": " + minutes + " min, "
                + capacity + " places", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/spikes/" + spike.id(), "The window is changed.");
    }

    public void removeWindow(Context ctx) {
        Spike spike = spike(ctx);
        SpikeWindow window = window(ctx, spike);
        if (!spikes.removeWindow(spike.id(), window.id())) {
            renderEdit(ctx, 409, spike, SpikeForm.of(spike), Map.of("window",
                    "That window has bookings, or had some that were cancelled: it stays for their history."));
            return;
        }
        audit.record("window.removed", Auth.user(ctx), "spike " + spike.id(), "window " + window.id(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/manage/spikes/" + spike.id(), "The window is removed.");
    }

    private Spike spike(Context ctx) {
        return spikes.byId(SpikePages.parseId(ctx.pathParam("id")))
                .orElseThrow(() -> new PageNotFound("There is no spike with this number."));
    }

    private SpikeWindow window(Context ctx, Spike spike) {
        return spikes.window(spike.id(), SpikePages.parseId(ctx.pathParam("windowId")))
                .orElseThrow(() -> new PageNotFound("This spike has no such window."));
    }

    private void renderEdit(Context ctx, int status, Spike spike, SpikeForm form, Map<String, String> errors) {
        renderEdit(ctx, status, spike, form, errors, WindowForm.BLANK, Map.of());
    }

    private void renderEdit(Context ctx, int status, Spike spike, SpikeForm form, Map<String, String> errors,
                            WindowForm windowForm, Map<String, String> windowErrors) {
        Templates.render(ctx, status, "spikes/manage-edit", new EditPage(spike, form, errors, windowForm, windowErrors,
                TimeZones.ALL, DayOfWeek.values(),
                spike == null ? List.of() : WindowView.of(spike, spikes.windows(spike.id()), spike.zone(), clock.instant()),
                spike == null ? List.of() : bookings.ofSpike(Auth.user(ctx), spike.id())));
    }
}

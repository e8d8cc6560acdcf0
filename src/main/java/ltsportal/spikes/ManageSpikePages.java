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
import ltsportal.accounts.User;
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

    /**
     * The spike form (new or existing), and for an existing spike its windows and bookings; {@code preview} what
     * saving the typed form would do to the windows (null unless asked), {@code focusWarning} a word on the focus
     * line (not released yet, or past its support), {@code closing} what closing would do to its active bookings.
     */
    public record EditPage(Spike spike, SpikeForm form, Map<String, String> errors, WindowForm windowForm,
                           Map<String, String> windowErrors, List<String> timeZones, DayOfWeek[] weekdays,
                           List<WindowView> windows, List<Booking> bookings, Preview preview, String focusWarning,
                           Closing closing) {
    }

    /** The preview of a template: windows added, kept because booked, removed, not added, and the load per hour. */
    public record Preview(TemplateChange change, List<TemplateChange.HourLoad> load, java.time.ZoneId zone) {
        public String describe(SpikeWindow w) {
            return WindowView.describe(w.start(), w.end(), zone);
        }

        public int totalAfter() {
            return change.after().size();
        }

        /** The non-empty lists of the change, each with its heading and an id for the page. */
        public List<Part> parts() {
            return java.util.stream.Stream.of(new Part("added", "Added", change.added()),
                            new Part("kept", "Kept (they hold or held bookings)", change.kept()),
                            new Part("removed", "Removed", change.removed()),
                            new Part("skipped", "Not added (they overlap a booked window)", change.skipped()))
                    .filter(p -> !p.windows().isEmpty()).toList();
        }
    }

    /** One list of a template preview. */
    public record Part(String id, String label, List<SpikeWindow> windows) {
    }

    /** The active bookings closing the spike reaches, and the manager's choice for them as typed. */
    public record Closing(int activeBookings, String onClose, String reason) {
        static final Closing NONE = new Closing(0, "", "");
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
        if (in.text("preview").equals("true")) {
            var change = TemplateChange.of(spike.template().generate(spike.startsOn(), spike.endsOn(), spike.zone(),
                    spike.blackoutDates()), List.of(), java.util.Set.of(), spike.allowParallel());
            renderEdit(ctx, 200, null, form, Map.of(), WindowForm.BLANK, Map.of(), preview(change, spike), Closing.NONE);
            return;
        }
        long id = spikes.create(spike, clock.instant());
        afterSave.accept(id);
        audit.record("spike.created", Auth.user(ctx), "spike " + id, spike.name() + ", " + spike.status().key(), ClientAddress.of(ctx));
        String warning = SpikeFocus.warning(spike.focus(), catalog, LocalDate.now(clock));
        Flash.redirect(ctx, "/manage/spikes/" + id, "The spike is created with its windows." + (warning == null ? "" : " Note: " + warning));
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
        boolean closing = spike.status() != Spike.Status.CLOSED && changed != null && changed.status() == Spike.Status.CLOSED;
        Closing close = new Closing(closing ? bookings.activeInSpike(spike.id()) : 0, in.text("onClose"), in.text("closeReason"));
        if (close.activeBookings() > 0 && in.check(List.of("keep", "cancel").contains(close.onClose()), "onClose",
                "This spike has " + close.activeBookings() + " active booking" + (close.activeBookings() == 1 ? "" : "s")
                        + ": say whether they stay as booked or are cancelled.") && close.onClose().equals("cancel")) {
            in.required("closeReason", close.reason(), 500, "Give the reason the customers will read (at most 500 characters).");
        }
        if (changed == null || !in.valid()) {
            renderEdit(ctx, Form.INVALID, spike, form, in.errors(), WindowForm.BLANK, Map.of(), null, close);
            return;
        }
        if (in.text("preview").equals("true")) {
            renderEdit(ctx, 200, spike, form, Map.of(), WindowForm.BLANK, Map.of(), preview(spikes.preview(changed), changed), close);
            return;
        }
        TemplateChange change = spikes.update(changed);
        afterSave.accept(spike.id());
        User manager = Auth.user(ctx);
        int reached = close.activeBookings() > 0
                ? windowChanges.spikeClosed(manager, spike.id(), close.onClose().equals("cancel"), close.reason()) : 0;
        audit.record("spike.updated", manager, "spike " + spike.id(), changed.name() + ", " + changed.status().key()
                + "; windows +" + change.added().size() + " -" + change.removed().size()
                + (change.kept().isEmpty() ? "" : ", " + change.kept().size() + " booked windows kept")
                + (reached == 0 ? "" : "; closed with " + reached + " bookings " + (close.onClose().equals("cancel") ? "cancelled: "
                + close.reason() : "kept")), ClientAddress.of(ctx));
        String warning = SpikeFocus.warning(changed.focus(), catalog, LocalDate.now(clock));
        Flash.redirect(ctx, "/manage/spikes/" + spike.id(), "Saved. " + changeText(change, changed)
                + (reached == 0 ? "" : " The spike's " + reached + " active booking" + (reached == 1 ? " was " : "s were ")
                + (close.onClose().equals("cancel") ? "cancelled" : "kept") + ", and their customers told.")
                + (warning == null ? "" : " Note: " + warning));
    }

    private static Preview preview(TemplateChange change, Spike spike) {
        return new Preview(change, change.loadByHour(spike.zone()), spike.zone());
    }

    /** What the save did to the windows, in a sentence or two. */
    private static String changeText(TemplateChange change, Spike spike) {
        String text = "Windows follow the template: " + change.added().size() + " added, " + change.removed().size() + " removed";
        if (!change.kept().isEmpty()) {
            text += keptText(change.kept(), spike);
        }
        if (!change.skipped().isEmpty()) {
            text += " " + change.skipped().size() + " new window" + (change.skipped().size() == 1 ? " was" : "s were")
                    + " not added because " + (change.skipped().size() == 1 ? "it overlaps" : "they overlap")
                    + " a booked window (tick \"Allow parallel windows\" to add them).";
        }
        return text.endsWith(".") ? text : text + ".";
    }

    /** Names the windows the template dropped but the spike kept: the first few, then how many more. */
    private static String keptText(List<SpikeWindow> kept, Spike spike) {
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
                in.check(minutes == null || spike.allowParallel() || !spikes.overlapsAnother(spike.id(), 0, start.toInstant(),
                        start.toInstant().plus(Duration.ofMinutes(minutes))), "time",
                        "That window would overlap another window of the spike. Choose another time, or allow parallel windows in the spike's settings.");
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
        if (!spike.allowParallel() && spikes.overlapsAnother(spike.id(), window.id(), window.start(),
                window.start().plus(Duration.ofMinutes(minutes)))) {
            renderEdit(ctx, Form.INVALID, spike, SpikeForm.of(spike), Map.of("window", "At " + minutes
                    + " minutes that window would overlap the next one. Keep it shorter, or allow parallel windows in the spike's settings."));
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
        renderEdit(ctx, status, spike, form, errors, windowForm, windowErrors, null,
                spike == null ? Closing.NONE : new Closing(bookings.activeInSpike(spike.id()), "", ""));
    }

    private void renderEdit(Context ctx, int status, Spike spike, SpikeForm form, Map<String, String> errors,
                            WindowForm windowForm, Map<String, String> windowErrors, Preview preview, Closing closing) {
        var focus = SpikeFocus.parse(form.focus(), catalog);
        Templates.render(ctx, status, "spikes/manage-edit", new EditPage(spike, form, errors, windowForm, windowErrors,
                TimeZones.ALL, DayOfWeek.values(),
                spike == null ? List.of() : WindowView.of(spike, spikes.windows(spike.id()), spike.zone(), clock.instant()),
                spike == null ? List.of() : bookings.ofSpike(Auth.user(ctx), spike.id()), preview,
                focus.map(f -> SpikeFocus.warning(f, catalog, LocalDate.now(clock))).orElse(null), closing));
    }
}

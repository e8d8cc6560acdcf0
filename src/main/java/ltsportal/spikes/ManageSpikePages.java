package ltsportal.spikes;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import ltsportal.accounts.TimeZones;
import ltsportal.catalog.Catalog;
import ltsportal.notes.Markdown;
import ltsportal.accounts.Auth;
import ltsportal.web.PageNotFound;

/** Managers create and edit spikes and adjust single windows. */
public final class ManageSpikePages {
    private final Spikes spikes;
    private final Bookings bookings;
    private final Catalog catalog;
    private final Markdown markdown;
    private final Clock clock;

    public ManageSpikePages(Spikes spikes, Bookings bookings, Catalog catalog, Markdown markdown, Clock clock) {
        this.spikes = spikes;
        this.bookings = bookings;
        this.catalog = catalog;
        this.markdown = markdown;
        this.clock = clock;
    }

    public void list(Context ctx) {
        ctx.render("spikes/manage-list", Map.of("spikes", spikes.all()));
    }

    public void newForm(Context ctx) {
        renderEdit(ctx, 200, null, SpikeForm.blank(LocalDate.now(clock)), Map.of(), null);
    }

    public void create(Context ctx) {
        SpikeForm form = SpikeForm.from(ctx);
        var checked = form.check(0, catalog, markdown);
        if (!checked.errors().isEmpty()) {
            renderEdit(ctx, 400, null, form, checked.errors(), null);
            return;
        }
        long id = spikes.create(checked.spike(), clock.instant());
        ctx.redirect("/manage/spikes/" + id + "?created", HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) {
        Spike spike = spike(ctx);
        renderEdit(ctx, 200, spike, SpikeForm.of(spike), Map.of(), flash(ctx));
    }

    public void update(Context ctx) {
        Spike spike = spike(ctx);
        SpikeForm form = SpikeForm.from(ctx);
        var checked = form.check(spike.id(), catalog, markdown);
        if (!checked.errors().isEmpty()) {
            renderEdit(ctx, 400, spike, form, checked.errors(), null);
            return;
        }
        spikes.update(checked.spike());
        ctx.redirect("/manage/spikes/" + spike.id() + "?saved", HttpStatus.SEE_OTHER);
    }

    public void addWindow(Context ctx) {
        Spike spike = spike(ctx);
        Map<String, String> errors = new HashMap<>();
        ZonedDateTime start = null;
        try {
            start = ZonedDateTime.of(LocalDate.parse(p(ctx, "date")), LocalTime.parse(p(ctx, "time")), spike.zone());
        } catch (DateTimeParseException e) {
            errors.put("window", "Give the window's date (YYYY-MM-DD) and start time (HH:MM) in " + spike.zone().getId() + ".");
        }
        int minutes = number(p(ctx, "minutes"), 15, 1440);
        int capacity = number(p(ctx, "capacity"), 1, 100);
        if (minutes < 0 || capacity < 0) {
            errors.put("window", "A window lasts 15 to 1440 minutes and takes 1 to 100 upgrades at once.");
        }
        if (!errors.isEmpty()) {
            renderEdit(ctx, 400, spike, SpikeForm.of(spike), errors, null);
            return;
        }
        spikes.addWindow(spike.id(), start.toInstant(), start.toInstant().plus(Duration.ofMinutes(minutes)), capacity);
        ctx.redirect("/manage/spikes/" + spike.id() + "?windowAdded", HttpStatus.SEE_OTHER);
    }

    public void resizeWindow(Context ctx) {
        Spike spike = spike(ctx);
        SpikeWindow window = window(ctx, spike);
        int minutes = number(p(ctx, "minutes"), 15, 1440);
        int capacity = number(p(ctx, "capacity"), 1, 100);
        if (minutes < 0 || capacity < 0) {
            renderEdit(ctx, 400, spike, SpikeForm.of(spike),
                    Map.of("window", "A window lasts 15 to 1440 minutes and takes 1 to 100 upgrades at once."), null);
            return;
        }
        if (!spikes.resizeWindow(spike.id(), window.id(), window.start().plus(Duration.ofMinutes(minutes)), capacity)) {
            renderEdit(ctx, 409, spike, SpikeForm.of(spike), Map.of("window", "That window has " + window.booked()
                    + " bookings: its capacity cannot go below them."), null);
            return;
        }
        ctx.redirect("/manage/spikes/" + spike.id() + "?windowResized", HttpStatus.SEE_OTHER);
    }

    public void removeWindow(Context ctx) {
        Spike spike = spike(ctx);
        SpikeWindow window = window(ctx, spike);
        if (!spikes.removeWindow(spike.id(), window.id())) {
            renderEdit(ctx, 409, spike, SpikeForm.of(spike), Map.of("window",
                    "That window has bookings: move or cancel them before removing it."), null);
            return;
        }
        ctx.redirect("/manage/spikes/" + spike.id() + "?windowRemoved", HttpStatus.SEE_OTHER);
    }

    private Spike spike(Context ctx) {
        return spikes.byId(SpikePages.parseId(ctx.pathParam("id")))
                .orElseThrow(() -> new PageNotFound("There is no spike with this number."));
    }

    private SpikeWindow window(Context ctx, Spike spike) {
        return spikes.window(spike.id(), SpikePages.parseId(ctx.pathParam("windowId")))
                .orElseThrow(() -> new PageNotFound("This spike has no such window."));
    }

    private void renderEdit(Context ctx, int status, Spike spike, SpikeForm form, Map<String, String> errors, String flash) {
        Map<String, Object> model = new HashMap<>();
        model.put("spike", spike);
        model.put("form", form);
        model.put("errors", errors);
        model.put("flash", flash);
        model.put("timeZones", TimeZones.ALL);
        model.put("weekdays", java.time.DayOfWeek.values());
        if (spike != null) {
            model.put("windows", WindowView.of(spike, spikes.windows(spike.id()), spike.zone(), clock.instant()));
            model.put("bookings", bookings.ofSpike(Auth.user(ctx), spike.id()));
        }
        ctx.status(status).render("spikes/manage-edit", model);
    }

    private static String flash(Context ctx) {
        var keys = ctx.queryParamMap().keySet();
        if (keys.contains("created")) {
            return "The spike is created with its windows.";
        }
        if (keys.contains("saved")) {
            return "Saved. Windows follow the template; booked windows stay as they are.";
        }
        if (keys.contains("windowAdded") || keys.contains("windowResized") || keys.contains("windowRemoved")) {
            return "The window is changed.";
        }
        return null;
    }

    private static String p(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    private static int number(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            return v >= min && v <= max ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package ltsportal.spikes;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.User;
import ltsportal.planner.Planner;
import ltsportal.accounts.Auth;
import ltsportal.web.PageNotFound;

/** The intake form and the booking itself: make, look at, move, cancel. */
public final class BookingPages {
    private final Spikes spikes;
    private final Bookings bookings;
    private final BookingService service;
    private final Planner planner;
    private final Clock clock;

    public BookingPages(Spikes spikes, Bookings bookings, BookingService service, Planner planner, Clock clock) {
        this.spikes = spikes;
        this.bookings = bookings;
        this.service = service;
        this.planner = planner;
        this.clock = clock;
    }

    public void form(Context ctx) {
        User customer = Auth.user(ctx);
        Spike spike = SpikePages.visibleSpike(ctx, customer, spikes);
        String window = ctx.queryParam("window");
        if (window == null || !window.matches("\\d{1,18}")) {
            renderForm(ctx, 400, spike, BookingForm.blank(spike, customer, 0),
                    Map.of("windowId", "Choose a window on the spike's page first."));
            return;
        }
        BookingForm form = BookingForm.blank(spike, customer, Long.parseLong(window));
        var chosen = spikes.window(spike.id(), form.window());
        if (chosen.isEmpty()) {
            throw new PageNotFound("This spike has no such window.");
        }
        var availability = BookingRules.availability(spike, chosen.get(), clock.instant());
        if (availability != BookingRules.Availability.AVAILABLE) {
            renderForm(ctx, 409, spike, form, Map.of("windowId", BookingService.message(availability)));
            return;
        }
        renderForm(ctx, 200, spike, form, Map.of());
    }

    public void create(Context ctx) {
        User customer = Auth.user(ctx);
        Spike spike = SpikePages.visibleSpike(ctx, customer, spikes);
        BookingForm form = BookingForm.from(ctx);
        BookingForm.Checked checked = form.check(planner, LocalDate.now(clock));
        if (!checked.valid()) {
            renderForm(ctx, 400, spike, form, checked.errors());
            return;
        }
        var result = service.book(customer, spike, form.window(), form.intake(checked.plan()),
                BookingForm.pathOf(checked.plan()), form.idempotencyKey());
        if (result instanceof BookingService.Done done) {
            ctx.redirect("/bookings/" + done.bookingId() + "?booked", HttpStatus.SEE_OTHER);
        } else if (result instanceof BookingService.Duplicate dup) {
            ctx.redirect("/bookings/" + dup.bookingId(), HttpStatus.SEE_OTHER);
        } else {
            var refused = (BookingService.Refused) result;
            renderForm(ctx, refused.conflict() ? 409 : 400, spike, form, Map.of("windowId", refused.message()));
        }
    }

    public void list(Context ctx) {
        User user = Auth.user(ctx);
        ctx.render("spikes/bookings", Map.of("bookings", bookings.list(user)));
    }

    public void show(Context ctx) {
        render(ctx, 200, booking(ctx), null);
    }

    public void reschedule(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        String window = ctx.formParam("windowId");
        if (window == null || !window.matches("\\d{1,18}")) {
            render(ctx, 400, booking, "Choose the window to move to.");
            return;
        }
        after(ctx, booking, service.reschedule(user, spike, booking.id(), Long.parseLong(window)), "rescheduled");
    }

    public void cancel(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (reason.isEmpty() || reason.length() > 500) {
            render(ctx, 400, booking, "Say in a few words why you cancel (at most 500 characters).");
            return;
        }
        after(ctx, booking, service.cancel(user, spike, booking.id(), reason), "cancelled");
    }

    public void confirm(Context ctx) {
        Booking booking = booking(ctx);
        after(ctx, booking, service.advance(Auth.user(ctx), booking.id(), booking.status(), BookingStatus.CONFIRMED), "confirmed");
    }

    public void complete(Context ctx) {
        Booking booking = booking(ctx);
        after(ctx, booking, service.advance(Auth.user(ctx), booking.id(), booking.status(), BookingStatus.COMPLETED), "completed");
    }

    public void calendar(Context ctx) {
        Booking booking = booking(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"upgrade-window-" + booking.id() + ".ics\"");
        ctx.contentType("text/calendar; charset=utf-8; method=" + (booking.status() == BookingStatus.CANCELLED ? "CANCEL" : "REQUEST"))
                .result(BookingCalendar.ics(booking, spikes.byId(booking.spikeId()).orElseThrow()));
    }

    private void after(Context ctx, Booking booking, BookingService.Result result, String flash) {
        if (result instanceof BookingService.Refused refused) {
            render(ctx, refused.conflict() ? 409 : 400, booking(ctx), refused.message());
            return;
        }
        ctx.redirect("/bookings/" + booking.id() + "?" + flash, HttpStatus.SEE_OTHER);
    }

    /** The booking, if the acting user may see it: another organization's is simply not found. */
    private Booking booking(Context ctx) {
        String raw = ctx.pathParam("id");
        long id = SpikePages.parseId(raw.endsWith(".ics") ? raw.substring(0, raw.length() - 4) : raw);
        return bookings.find(Auth.user(ctx), id).orElseThrow(() -> new PageNotFound("There is no booking with this number."));
    }

    private void render(Context ctx, int status, Booking booking, String error) {
        User user = Auth.user(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        var now = clock.instant();
        var current = spikes.window(spike.id(), booking.windowId()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("booking", booking);
        model.put("spike", spike);
        model.put("error", error);
        model.put("flash", ctx.queryParamMap().keySet().stream().findFirst().orElse(null));
        model.put("history", bookings.history(user, booking.id()));
        model.put("when", WindowView.describe(booking.windowStart(), booking.windowEnd(), user.zone()));
        model.put("whenSpike", WindowView.describe(booking.windowStart(), booking.windowEnd(), spike.zone()));
        model.put("canChange", booking.status().reschedulable()
                && (user.staff() || BookingRules.beforeCutoff(spike, current, now)));
        model.put("canCancel", booking.status().canBecome(BookingStatus.CANCELLED)
                && (user.staff() || BookingRules.beforeCutoff(spike, current, now)));
        model.put("otherWindows", WindowView.of(spike, spikes.windows(spike.id()), user.zone(), now).stream()
                .filter(v -> v.bookable() && v.window().id() != booking.windowId()).toList());
        var plan = planner.plan(new ltsportal.planner.PlanRequest(booking.intake().currentVersion(),
                booking.intake().targetVersion(), "", false), LocalDate.now(clock));
        model.put("plan", plan instanceof Planner.Planned planned ? planned.plan() : null);
        ctx.status(status).render("spikes/booking", model);
    }

    private void renderForm(Context ctx, int status, Spike spike, BookingForm form, Map<String, String> errors) {
        User user = Auth.user(ctx);
        var views = WindowView.of(spike, spikes.windows(spike.id()), user.zone(), clock.instant());
        Map<String, Object> model = new HashMap<>();
        model.put("spike", spike);
        model.put("form", form);
        model.put("errors", errors);
        model.put("chosen", views.stream().filter(v -> String.valueOf(v.window().id()).equals(form.windowId())).findFirst().orElse(null));
        model.put("freeWindows", views.stream().filter(WindowView::bookable).toList());
        model.put("deployments", BookingForm.DEPLOYMENTS);
        model.put("editions", BookingForm.EDITIONS);
        model.put("topologies", BookingForm.TOPOLOGIES);
        model.put("geoOptions", BookingForm.GEO);
        ctx.status(status).render("spikes/book", model);
    }

}

package ltsportal.spikes;

import ltsportal.web.ClientAddress;

import ltsportal.accounts.AuditLog;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.User;
import ltsportal.planner.Plan;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.accounts.Auth;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/** The intake form and the booking itself: make, look at, move, cancel. */
public final class BookingPages {
    private final Spikes spikes;
    private final Bookings bookings;
    private final BookingService service;
    private final Planner planner;
    private final Clock clock;
    private final AuditLog audit;
    private final Completion completion;

    private BookingSections sections = BookingSections.NONE;
    private BookingCalendar invitations = BookingCalendar.NONE;

    /** How invitations are written (organizer, links); set once, when the app is built. */
    public void invitations(BookingCalendar invitations) {
        this.invitations = invitations;
    }

    public BookingPages(Spikes spikes, Bookings bookings, BookingService service, Planner planner, Clock clock, AuditLog audit,
                        Completion completion) {
        this.audit = audit;
        this.completion = completion;
        this.spikes = spikes;
        this.bookings = bookings;
        this.service = service;
        this.planner = planner;
        this.clock = clock;
    }

    /** The intake form for one window, with the spike's other free windows to choose from. */
    public record BookPage(Spike spike, BookingForm form, Map<String, String> errors, WindowView chosen,
                           List<WindowView> freeWindows, Map<String, String> deployments, Map<String, String> editions,
                           Map<String, String> topologies, Map<String, String> geoOptions,
                           ltsportal.planner.Planner.ConditionalChoices conditions, List<WindowView> seriesCandidates,
                           List<InstancePrefill.Choice> instances) {
    }

    /** How many later windows the series part of the form offers. */
    static final int SERIES_CHOICES = 12;

    /** One booking: its window in the viewer's zone and the spike's, its path, what the viewer may do. */
    /** What other features add to the page (see {@link BookingSections}); set once, when the app is built. */
    public void sections(BookingSections sections) {
        this.sections = sections;
    }

    /** The booking's page again, with another feature's refused form (its errors and what was typed). */
    public void showWith(Context ctx, int status, Booking booking, Map<String, String> errors, Map<String, String> kept) {
        render(ctx, status, booking, null, errors, kept);
    }

    public record BookingPage(Booking booking, Spike spike, String error, List<HistoryLine> history, String when,
                              String whenSpike, boolean canChange, boolean canCancel, List<WindowView> otherWindows,
                              Plan plan, List<Booking.Engineer> engineers, Record sections, Completing completing,
                              String newerPath, List<String> conditions, List<SeriesPart> series, boolean justBooked,
                              String googleUrl, String outlookUrl) {
    }

    /** One booking of the series this booking belongs to, its window in the viewer's zone. */
    public record SeriesPart(Booking booking, String when, boolean current) {
    }

    /** Today's path for the booking's plan when it differs from the path stored with the booking, else null. */
    static String newerPath(Booking booking, Plan plan) {
        if (plan == null) {
            return null;
        }
        List<String> today = BookingForm.pathOf(plan);
        return today.equals(booking.upgradePath()) ? null : String.join(" \u2192 ", today);
    }

    /**
     * The outcome part of the page: the recorded outcome (its notes rendered), or the form staff complete
     * the booking with, its errors and what was typed.
     */
    public record Completing(String notesHtml, Completion.Typed typed, Map<String, String> errors, Map<String, String> kinds,
                             boolean windowStarted) {
    }

    /** Customers see who will help them once the booking is staffed; staff see who is on it at any time. */
    static List<Booking.Engineer> engineersShown(User user, Booking b, Bookings bookings) {
        boolean shown = user.staff() || b.status() == BookingStatus.STAFFED || b.status() == BookingStatus.COMPLETED;
        return shown ? bookings.engineers(b.id()) : List.of();
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
        String asked = ctx.queryParam("instance");
        if (asked != null) {
            // "Book a window" from the instances page: that instance's details filled in
            form = prefill.of(customer).stream().filter(c -> String.valueOf(c.id()).equals(asked)).findFirst()
                    .map(form::from).orElse(form);
        }
        String cannot = service.cannotBook(customer, spike);
        if (cannot != null) {
            renderForm(ctx, 403, spike, form, Map.of("windowId", cannot));
            return;
        }
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
        Form in = Form.of(ctx);
        BookingForm form = BookingForm.bind(in);
        Plan plan = form.check(in, planner, LocalDate.now(clock), spike.focus());
        if (in.valid()) {
            List<SpikeWindow> chosen = form.windows().stream().map(id -> spikes.window(spike.id(), id)).flatMap(java.util.Optional::stream).toList();
            in.check(chosen.size() == form.windows().size(), "series", "That window does not exist in this spike.");
            if (in.valid()) {
                String fit = form.fitProblem(plan, planner.pace(), chosen);
                in.check(fit == null, "series", fit);
            }
        }
        if (!in.valid()) {
            renderForm(ctx, Form.INVALID, spike, form, in.errors());
            return;
        }
        var result = service.book(customer, spike, form.windows(), form.intake(plan), form.route(plan), form.idempotencyKey());
        if (result instanceof BookingService.Done done) {
            audit.record("booking.created", customer, "booking " + done.bookingId(), "spike " + spike.id() + ", window "
                    + form.window(), ClientAddress.of(ctx));
            Flash.redirect(ctx, "/bookings/" + done.bookingId() + "?booked=1", form.windows().size() == 1
                    ? "Your window is booked. Support will confirm it; add it to your calendar below."
                    : "Your " + form.windows().size() + " windows are booked as a series. Support will confirm each; add each to your calendar from its page.");
        } else if (result instanceof BookingService.Duplicate dup) {
            ctx.redirect("/bookings/" + dup.bookingId(), HttpStatus.SEE_OTHER);
        } else {
            var refused = (BookingService.Refused) result;
            renderForm(ctx, refused.conflict() ? 409 : 400, spike, form, Map.of(refused.field(), refused.message()));
        }
    }

    public void list(Context ctx) {
        new BookingList(bookings, spikes).render(ctx);
    }

    public void show(Context ctx) {
        render(ctx, 200, booking(ctx), null);
    }

    public void reschedule(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        Form in = Form.of(ctx);
        String window = in.text("windowId");
        if (!in.check(window.matches("\\d{1,18}"), "windowId", "Choose the window to move to.")) {
            render(ctx, Form.INVALID, booking, in.errors().get("windowId"));
            return;
        }
        after(ctx, booking, service.changes().reschedule(user, spike, booking.id(), Long.parseLong(window)), "booking.moved", "to window " + window,
                "Your booking moved to the new window. Download the invitation again to update your calendar.");
    }

    public void cancel(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        Form in = Form.of(ctx);
        String reason = in.text("reason");
        if (!in.required("reason", reason, 500, "Say in a few words why you cancel (at most 500 characters).")) {
            render(ctx, Form.INVALID, booking, in.errors().get("reason"));
            return;
        }
        after(ctx, booking, service.changes().cancel(user, spike, booking.id(), reason), "booking.cancelled", reason, "The booking is cancelled and its place freed.");
    }

    /** Cancels every active booking of this booking's series, all or none. */
    public void cancelSeries(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = booking(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        Form in = Form.of(ctx);
        String reason = in.text("seriesReason");
        if (!in.required("seriesReason", reason, 500, "Say in a few words why you cancel the series (at most 500 characters).")) {
            render(ctx, Form.INVALID, booking, in.errors().get("seriesReason"));
            return;
        }
        after(ctx, booking, service.changes().cancelSeries(user, spike, booking.id(), reason), "booking.series-cancelled", reason,
                "Every booking of the series is cancelled and its place freed.");
    }

    public void confirm(Context ctx) {
        Booking booking = booking(ctx);
        String override = Form.of(ctx).text("overrideReason");
        after(ctx, booking, service.changes().confirm(Auth.user(ctx), booking.id(), booking.status(), override), "booking.confirmed",
                override.isEmpty() ? null : "override: " + override,
                "The booking is confirmed.");
    }

    public void complete(Context ctx) {
        Booking booking = booking(ctx);
        User staff = Auth.user(ctx);
        var result = completion.complete(staff, booking, Form.of(ctx));
        if (result instanceof Completion.Refused refused) {
            render(ctx, refused.status(), booking, null, refused.errors(), Map.of(), refused.typed());
            return;
        }
        var outcome = ((Completion.Completed) result).outcome();
        audit.record("booking.completed", staff, "booking " + booking.id(), outcome.outcome() + ", on " + outcome.reachedVersion(),
                ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#outcome", "The booking is completed and its outcome recorded.");
    }

    public void calendar(Context ctx) {
        Booking booking = booking(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"upgrade-window-" + booking.id() + ".ics\"");
        ctx.contentType("text/calendar; charset=utf-8; method=" + (booking.status() == BookingStatus.CANCELLED ? "CANCEL" : "REQUEST"))
                .result(invitations.ics(booking, spikes.byId(booking.spikeId()).orElseThrow()));
    }

    private void after(Context ctx, Booking booking, BookingService.Result result, String event, String detail, String flash) {
        if (result instanceof BookingService.Refused refused) {
            render(ctx, refused.conflict() ? 409 : 400, booking(ctx), refused.message());
            return;
        }
        audit.record(event, Auth.user(ctx), "booking " + booking.id(), detail, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id(), flash);
    }

    /** The booking, if the acting user may see it: another organization's is simply not found. */
    public Booking booking(Context ctx) {
        String raw = ctx.pathParam("id");
        long id = SpikePages.parseId(raw.endsWith(".ics") ? raw.substring(0, raw.length() - 4) : raw);
        return bookings.find(Auth.user(ctx), id).orElseThrow(() -> new PageNotFound("There is no booking with this number."));
    }

    private void render(Context ctx, int status, Booking booking, String error) {
        render(ctx, status, booking, error, Map.of(), Map.of());
    }

    private void render(Context ctx, int status, Booking booking, String error, Map<String, String> errors, Map<String, String> kept) {
        render(ctx, status, booking, error, errors, kept, Completion.Typed.blank(booking));
    }

    private void render(Context ctx, int status, Booking booking, String error, Map<String, String> errors, Map<String, String> kept,
                        Completion.Typed typed) {
        User user = Auth.user(ctx);
        Spike spike = spikes.byId(booking.spikeId()).orElseThrow();
        var now = clock.instant();
        var current = spikes.window(spike.id(), booking.windowId()).orElseThrow();
        var plan = planner.plan(new PlanRequest(booking.intake().currentVersion(), booking.intake().targetVersion(),
                booking.conditions(), booking.zeroDowntime()), LocalDate.now(clock));
        Plan planned = plan instanceof Planner.Planned p ? p.plan() : null;
        List<Booking> series = bookings.series(user, booking);
        // a part of a series never moves onto a window another active part holds
        java.util.Set<Long> heldBySeries = series.stream().filter(b -> b.status().active()).map(Booking::windowId)
                .collect(java.util.stream.Collectors.toSet());
        boolean beforeCutoff = user.staff() || BookingRules.beforeCutoff(spike, current, now);
        Templates.render(ctx, status, "spikes/booking", new BookingPage(booking, spike, error,
                HistoryLine.of(bookings.history(user, booking.id()), user.zone()),
                WindowView.describe(booking.windowStart(), booking.windowEnd(), user.zone()),
                WindowView.describe(booking.windowStart(), booking.windowEnd(), spike.zone()),
                booking.status().reschedulable() && beforeCutoff,
                booking.status().canBecome(BookingStatus.CANCELLED) && beforeCutoff,
                WindowView.of(spike, spikes.windows(spike.id()), user.zone(), now).stream()
                        .filter(v -> v.bookable() && v.window().id() != booking.windowId()
                                && !heldBySeries.contains(v.window().id())).toList(),
                planned, engineersShown(user, booking, bookings),
                sections.of(user, booking, errors, kept),
                new Completing(completion.notesHtml(booking.outcome()), typed, errors, Outcome.KINDS,
                        !now.isBefore(booking.windowStart())), newerPath(booking, planned),
                planned == null || booking.conditions().isEmpty() ? List.of()
                        : planned.appliedConditions().stream().map(ltsportal.planner.Stop::condition).toList(),
                series.stream().map(b -> new SeriesPart(b,
                        WindowView.describe(b.windowStart(), b.windowEnd(), user.zone()), b.id() == booking.id())).toList(),
                "1".equals(ctx.queryParam("booked")) && booking.status().active(),
                invitations.googleUrl(booking), invitations.outlookUrl(booking)));
    }

    private void renderForm(Context ctx, int status, Spike spike, BookingForm form, Map<String, String> errors) {
        User user = Auth.user(ctx);
        var views = WindowView.of(spike, spikes.windows(spike.id()), user.zone(), clock.instant());
        WindowView chosen = views.stream().filter(v -> String.valueOf(v.window().id()).equals(form.windowId())).findFirst().orElse(null);
        // a series goes on after the chosen window: the next free windows, and any the customer ticked already
        List<WindowView> candidates = chosen == null ? List.of() : views.stream()
                .filter(v -> v.bookable() && v.window().start().isAfter(chosen.window().start()) || form.inSeries(v.window().id()))
                .filter(v -> v.window().id() != chosen.window().id())
                .limit(SERIES_CHOICES).toList();
        Templates.render(ctx, status, "spikes/book", new BookPage(spike, form, errors, chosen,
                views.stream().filter(WindowView::bookable).toList(),
                BookingForm.DEPLOYMENTS, BookingForm.EDITIONS, BookingForm.TOPOLOGIES, BookingForm.GEO,
                planner.conditionalChoices(form.currentVersion(), form.targetVersion()),
                candidates, user.role() == ltsportal.accounts.Role.CUSTOMER ? prefill.of(user) : List.of()));
    }

    private InstancePrefill prefill = InstancePrefill.NONE;

    /** Where the form finds the customer's registered instances (the fleet feature, set by the app). */
    public BookingPages instances(InstancePrefill prefill) {
        this.prefill = prefill;
        return this;
    }

}

package ltsportal.spikes;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.planner.Plan;
import ltsportal.planner.Planner;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/**
 * The intake form of a booking ({@code /spikes/{id}/book}) and making the booking from it: one window or a series,
 * filled in from a registered instance when asked. What happens to a booking once it exists is {@link BookingPages}.
 */
public final class BookingFormPages {
    /** How many later windows the series part of the form offers. */
    static final int SERIES_CHOICES = 12;

    private final Spikes spikes;
    private final BookingService service;
    private final Planner planner;
    private final Clock clock;
    private final AuditLog audit;

    private final InstancePrefill prefill;

    /** {@code prefill}: where the form finds the customer's registered instances (the fleet feature's). */
    public BookingFormPages(Spikes spikes, BookingService service, Planner planner, Clock clock, AuditLog audit, InstancePrefill prefill) {
        this.prefill = prefill;
        this.spikes = spikes;
        this.service = service;
        this.planner = planner;
        this.clock = clock;
        this.audit = audit;
    }

    /** The intake form for one window, with the spike's other free windows to choose from. */
    public record BookPage(Spike spike, BookingForm form, Map<String, String> errors, WindowView chosen,
                           List<WindowView> freeWindows, Map<String, String> deployments, Map<String, String> editions,
                           Map<String, String> topologies, Map<String, String> geoOptions,
                           ltsportal.planner.Planner.ConditionalChoices conditions, List<WindowView> seriesCandidates,
                           List<InstancePrefill.Choice> instances) {
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
                Installation.DEPLOYMENTS, Installation.EDITIONS, Installation.TOPOLOGIES, Installation.GEO,
                planner.conditionalChoices(form.currentVersion(), form.targetVersion()),
                candidates, user.role() == ltsportal.accounts.Role.CUSTOMER ? prefill.of(user) : List.of()));
    }
}

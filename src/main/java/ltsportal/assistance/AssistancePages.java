package ltsportal.assistance;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.Role;
import ltsportal.accounts.User;
import ltsportal.notes.Markdown;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingPages;
import ltsportal.spikes.BookingSections;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;

/**
 * Upgrade assistance on a booking's page: the plan review (the customer submits, an engineer or manager
 * decides with a checklist made from the path) and the conversation with support.
 */
public final class AssistancePages {
    private final Reviews reviews;
    private final Messages messages;
    private final BookingPages bookings;
    private final AuditLog audit;

    /** {@code bookings}: the booking's page, shown again with a refused form's errors (its sections are {@link AssistanceSections}). */
    public AssistancePages(Reviews reviews, Messages messages, BookingPages bookings, AuditLog audit) {
        this.reviews = reviews;
        this.messages = messages;
        this.bookings = bookings;
        this.audit = audit;
    }

    public void submitReview(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = bookings.booking(ctx); // another organization's: 404
        Form in = Form.of(ctx);
        String plan = in.text("plan");
        String rollback = in.text("rollbackPlan");
        String topology = in.text("topology");
        boolean backup = in.text("backupVerified").equals("true");
        Map<String, String> kept = Map.of("plan", plan, "rollbackPlan", rollback, "topology", topology,
                "backupVerified", String.valueOf(backup));
        if (!in.check(user.role() == Role.CUSTOMER, "plan", "The customer's organization submits the plan; support reviews it.")
                || !in.check(booking.status().active(), "plan", "This booking is " + booking.status().key() + ": there is nothing to review.")) {
            bookings.showWith(ctx, user.role() == Role.CUSTOMER ? 409 : 403, booking, in.errors(), kept);
            return;
        }
        in.required("plan", plan, Reviews.PLAN_MAX, "Describe the steps you will run, in at most " + Reviews.PLAN_MAX + " characters.");
        in.required("rollbackPlan", rollback, Reviews.PLAN_MAX, "Describe how you would roll back, in at most " + Reviews.PLAN_MAX + " characters.");
        in.required("topology", topology, Reviews.TOPOLOGY_MAX, "Describe the nodes, database and Geo sites, in at most "
                + Reviews.TOPOLOGY_MAX + " characters.");
        if (!in.valid()) {
            bookings.showWith(ctx, Form.INVALID, booking, in.errors(), kept);
            return;
        }
        reviews.submit(user, booking, plan, rollback, topology, backup);
        audit.record("review.submitted", user, "booking " + booking.id(), backup ? "restore tested" : "restore not tested",
                ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#review", "Your plan is sent for review. Support will answer here.");
    }

    public void decide(Context ctx) {
        User staff = Auth.user(ctx);
        Booking booking = bookings.booking(ctx);
        Form in = Form.of(ctx);
        String decision = in.text("decision");
        String comment = in.text("comment");
        Set<String> ticked = new LinkedHashSet<>(in.all("check"));
        var allowed = Checklist.of(booking, Set.of()).stream().map(Checklist.Item::key).toList();
        ticked.retainAll(allowed);
        Map<String, String> kept = Map.of("comment", comment);
        Boolean approve = in.choice("decision", decision, Map.of("approve", true, "request-changes", false),
                "Choose to approve the plan or to ask for changes.");
        in.atMost("comment", comment, Reviews.COMMENT_MAX, "Keep the comment under " + Reviews.COMMENT_MAX + " characters.");
        if (Boolean.FALSE.equals(approve)) {
            in.required("comment", comment, Reviews.COMMENT_MAX, "Say what should change: the customer reads it.");
        }
        if (!in.valid()) {
            bookings.showWith(ctx, Form.INVALID, booking, in.errors(), kept);
            return;
        }
        if (!reviews.decide(staff, booking, approve, comment, ticked)) {
            bookings.showWith(ctx, 409, booking, Map.of("decision",
                    "There is no submitted plan to decide on: it was decided already, or sent again meanwhile. Look again."), kept);
            return;
        }
        audit.record(approve ? "review.approved" : "review.changes-requested", staff, "booking " + booking.id(),
                ticked.size() + " of " + allowed.size() + " checks ticked", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#review", approve ? "The plan is approved: the booking can be confirmed."
                : "Changes are requested: the customer sees your comment.");
    }

    public void post(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = bookings.booking(ctx); // another organization's booking: 404
        Form in = Form.of(ctx);
        String body = in.text("body");
        boolean internal = user.staff() && in.text("internal").equals("true");
        if (!in.required("body", body, Messages.BODY_MAX, "Write a message of at most " + Messages.BODY_MAX + " characters.")) {
            bookings.showWith(ctx, Form.INVALID, booking, in.errors(), Map.of("body", body, "internal", String.valueOf(internal)));
            return;
        }
        long id = messages.add(user, booking.id(), body, internal);
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#message-" + id,
                internal ? "Your internal note is added: customers do not see it." : "Your message is sent.");
    }
}

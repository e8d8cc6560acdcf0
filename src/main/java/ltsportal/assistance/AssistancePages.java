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
public final class AssistancePages implements BookingSections {
    private final Reviews reviews;
    private final Messages messages;
    private final Attachments attachments;
    private final BookingPages bookings;
    private final Markdown markdown;
    private final AuditLog audit;

    public AssistancePages(Reviews reviews, Messages messages, Attachments attachments, BookingPages bookings, Markdown markdown,
                           AuditLog audit) {
        this.reviews = reviews;
        this.messages = messages;
        this.attachments = attachments;
        this.bookings = bookings;
        this.markdown = markdown;
        this.audit = audit;
    }

    /** The review as the page shows it: Markdown rendered safe, the checklist, and the forms' kept input. */
    public record ReviewView(String status, Reviews.Review review, String planHtml, String rollbackHtml, String commentHtml,
                             List<Checklist.Item> checklist, boolean canSubmit, boolean canDecide,
                             String plan, String rollbackPlan, String topology, boolean backupVerified, String comment) {
    }

    /** The thread under a booking, the reply form (with a refused reply kept), and whether the reader is staff. */
    public record Conversation(List<Messages.Message> messages, boolean staff, String body, boolean internal) {
    }

    /** The booking's files, how much of its allowance they use, and whether the reader may remove each. */
    public record Files(List<Attachments.Attachment> list, String used, String allowance, String fileMax, String allowed,
                        long readerId, boolean staff) {
        public boolean removable(Attachments.Attachment a) {
            return staff || a.uploadedById() == readerId;
        }
    }

    public record Sections(ReviewView review, Conversation conversation, Files files, Map<String, String> errors) {
    }

    @Override
    public Record of(User viewer, Booking booking, Map<String, String> errors, Map<String, String> kept) {
        var review = reviews.of(booking.id()).orElse(null);
        boolean active = booking.status().active();
        boolean canSubmit = viewer.role() == Role.CUSTOMER && active;
        boolean canDecide = (viewer.role() == Role.ENGINEER || viewer.role() == Role.MANAGER) && review != null
                && "submitted".equals(review.status());
        var view = new ReviewView(review == null ? "not-submitted" : review.status(), review,
                review == null ? null : markdown.toSafeHtml(review.planMarkdown()),
                review == null ? null : markdown.toSafeHtml(review.rollbackMarkdown()),
                review == null || review.comment() == null ? null : markdown.toSafeHtml(review.comment()),
                Checklist.of(booking, review == null ? Set.of() : review.ticked()), canSubmit, canDecide,
                kept.getOrDefault("plan", review == null ? "" : review.planMarkdown()),
                kept.getOrDefault("rollbackPlan", review == null ? "" : review.rollbackMarkdown()),
                kept.getOrDefault("topology", review == null ? booking.intake().topology() : review.topology()),
                kept.containsKey("plan") ? "true".equals(kept.get("backupVerified")) : review != null && review.backupVerified(),
                kept.getOrDefault("comment", ""));
        var files = attachments.of(booking.id());
        return new Sections(view, new Conversation(messages.of(viewer, booking.id()), viewer.staff(), kept.getOrDefault("body", ""),
                "true".equals(kept.get("internal"))),
                new Files(files, Attachments.sizeText(files.stream().mapToLong(Attachments.Attachment::size).sum()),
                        Attachments.sizeText(Attachments.BOOKING_MAX), Attachments.sizeText(Attachments.FILE_MAX), FileKinds.ALLOWED,
                        viewer.id(), viewer.staff()),
                errors);
    }

    public record ChecklistJson(String key, String label, boolean ticked) {
    }

    public record ReviewJson(String status, String decidedBy, String decidedAt, List<ChecklistJson> checklist) {
    }

    public record MessageJson(String author, String role, String at, String body, boolean internal) {
    }

    public record AttachmentJson(long id, String name, String contentType, long size, String uploadedBy, String at, String url) {
    }

    @Override
    public ApiParts api(User viewer, Booking booking) {
        var review = reviews.of(booking.id()).orElse(null);
        var checklist = Checklist.of(booking, review == null ? Set.of() : review.ticked()).stream()
                .map(i -> new ChecklistJson(i.key(), i.label(), i.ticked())).toList();
        var json = new ReviewJson(review == null ? "not-submitted" : review.status(), review == null ? null : review.decidedBy(),
                review == null || review.decidedAt() == null ? null : review.decidedAt().toString(), checklist);
        // Internal notes are left out for customers here exactly as on the page (Messages.of filters them).
        var thread = messages.of(viewer, booking.id()).stream()
                .map(m -> new MessageJson(m.author(), m.role(), m.at().toString(), m.bodyMarkdown(), m.internal())).toList();
        var files = attachments.of(booking.id()).stream()
                .map(a -> new AttachmentJson(a.id(), a.name(), a.contentType(), a.size(), a.uploadedBy(), a.at().toString(),
                        "/bookings/" + booking.id() + "/attachments/" + a.id())).toList();
        return new ApiParts(json, thread, files);
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

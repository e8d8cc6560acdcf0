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
 * What upgrade assistance shows on a booking's page and in its API answer: the plan review with its checklist, the
 * conversation and the files, for the user looking at it. The spikes feature asks for them through
 * {@link BookingSections}, so it need not know this one.
 */
public final class AssistanceSections implements BookingSections {
    private final Reviews reviews;
    private final Messages messages;
    private final Attachments attachments;
    private final Markdown markdown;

    public AssistanceSections(Reviews reviews, Messages messages, Attachments attachments, Markdown markdown) {
        this.reviews = reviews;
        this.messages = messages;
        this.attachments = attachments;
        this.markdown = markdown;
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
}

package ltsportal.assistance;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingPages;
import ltsportal.spikes.SpikePages;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;

/**
 * Files on a booking: attach (multipart {@code file}), download, remove. Finding the booking through
 * {@link BookingPages#booking} first means another organization's files are simply not found.
 */
public final class AttachmentPages {
    private final Attachments attachments;
    private final BookingPages bookings;
    private final AuditLog audit;

    public AttachmentPages(Attachments attachments, BookingPages bookings, AuditLog audit) {
        this.attachments = attachments;
        this.bookings = bookings;
        this.audit = audit;
    }

    public void upload(Context ctx) throws IOException {
        User user = Auth.user(ctx);
        Booking booking = bookings.booking(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        String refused = null;
        String name = file == null ? "" : FileKinds.cleanName(file.filename());
        byte[] bytes = null;
        FileKinds.Kind kind = null;
        if (file == null || file.size() == 0) {
            refused = "Choose a file to attach.";
        } else if (file.size() > Attachments.FILE_MAX) {
            refused = "That file is " + Attachments.sizeText(file.size()) + ": attach files of at most "
                    + Attachments.sizeText(Attachments.FILE_MAX) + " each (compress logs, or split them).";
        } else if (name.isEmpty()) {
            refused = "That file has no usable name: rename it and attach it again.";
        } else {
            try (InputStream in = file.content()) {
                bytes = in.readNBytes((int) Attachments.FILE_MAX + 1);
            }
            kind = FileKinds.of(name, bytes).orElse(null);
            if (kind == null) {
                refused = "\"" + name + "\" is not a file this booking takes, or does not look like what its name says."
                        + " Attach " + FileKinds.ALLOWED + ".";
            }
        }
        if (refused == null) {
            var added = attachments.add(user, booking, name, kind, bytes);
            if (added instanceof Attachments.OverQuota over) {
                refused = "This booking holds " + Attachments.sizeText(over.used()) + " of files already, and may hold "
                        + Attachments.sizeText(Attachments.BOOKING_MAX) + ": remove one you no longer need first.";
            } else {
                long id = ((Attachments.Stored) added).id();
                audit.record("attachment.added", user, "booking " + booking.id(), name + ", " + Attachments.sizeText(bytes.length),
                        ClientAddress.of(ctx));
                Flash.redirect(ctx, "/bookings/" + booking.id() + "#attachment-" + id, "\"" + name + "\" is attached.");
                return;
            }
        }
        bookings.showWith(ctx, Form.INVALID, booking, Map.of("file", refused), Map.of());
    }

    /**
     * The file itself, always as a download: the portal's own content type, {@code nosniff}, and a
     * sandbox policy, so that nothing in it runs as a page of the portal.
     */
    public void download(Context ctx) {
        Booking booking = bookings.booking(ctx);
        long id = SpikePages.parseId(ctx.pathParam("attachmentId"));
        var content = attachments.content(booking.id(), id).orElseThrow(() -> new PageNotFound("This booking has no such file."));
        ctx.header("Content-Disposition", disposition(content.name()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(content.contentType()).result(content.bytes());
    }

    public void remove(Context ctx) {
        User user = Auth.user(ctx);
        Booking booking = bookings.booking(ctx);
        long id = SpikePages.parseId(ctx.pathParam("attachmentId"));
        if (!attachments.remove(user, booking, id)) {
            bookings.showWith(ctx, 404, booking, Map.of("file",
                    "That file is not on this booking, or someone else attached it: only they and support can remove it."), Map.of());
            return;
        }
        audit.record("attachment.removed", user, "booking " + booking.id(), "attachment " + id, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/bookings/" + booking.id() + "#attachments", "The file is removed.");
    }

    /** RFC 6266: an ASCII fallback name and the exact one in RFC 8187 encoding. */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String exact = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}

package ltsportal.organizations;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.Organizations;
import ltsportal.accounts.User;
import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingService;
import ltsportal.spikes.Bookings;
import ltsportal.spikes.Spikes;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;
import org.jooq.DSLContext;

/**
 * /admin/organizations, for managers and admins: pending organizations first, each flagged when its
 * name resembles another's; approve one so it can book, or suspend one, which cancels its future
 * bookings with the reason given and frees their places.
 */
public final class OrganizationPages {
    private final DSLContext db;
    private final Bookings bookings;
    private final Spikes spikes;
    private final BookingService service;
    private final AuditLog audit;
    private final Clock clock;

    public OrganizationPages(DSLContext db, Bookings bookings, Spikes spikes, BookingService service, AuditLog audit, Clock clock) {
        this.db = db;
        this.bookings = bookings;
        this.spikes = spikes;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    public record OrganizationsPage(List<Organizations.Summary> organizations, long pending, Long formFor, String reason,
                                    Map<String, String> errors) {
    }

    public void list(Context ctx) {
        render(ctx, 200, null, "", Map.of());
    }

    public void approve(Context ctx) {
        User staff = Auth.user(ctx);
        var org = organization(ctx, staff);
        if (org.status() == Organizations.Status.APPROVED
                || !Organizations.setStatus(db, org.id(), org.status(), Organizations.Status.APPROVED, null, clock.instant())) {
            Flash.redirect(ctx, "/admin/organizations", org.name() + " is approved already.");
            return;
        }
        audit.record("organization.approved", staff, org.name(), "was " + org.status().key(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/admin/organizations", org.name() + " is approved: its people can book now.");
    }

    public void suspend(Context ctx) {
        User staff = Auth.user(ctx);
        var org = organization(ctx, staff);
        Form in = Form.of(ctx);
        String reason = in.text("reason");
        if (!in.required("reason", reason, 400, "Say why, in at most 400 characters: the customer sees it on each cancelled booking.")) {
            render(ctx, Form.INVALID, org.id(), reason, in.errors());
            return;
        }
        if (org.status() == Organizations.Status.SUSPENDED) {
            Flash.redirect(ctx, "/admin/organizations", org.name() + " is suspended already.");
            return;
        }
        // The status changes first: from then on the booking transaction refuses this organization,
        // so the list of bookings read next cannot grow behind our back.
        if (!Organizations.setStatus(db, org.id(), org.status(), Organizations.Status.SUSPENDED, reason, clock.instant())) {
            Flash.redirect(ctx, "/admin/organizations", org.name() + " changed meanwhile; look again.");
            return;
        }
        int cancelled = 0;
        for (Booking b : bookings.list(staff)) {
            if (b.orgId() == org.id() && b.status().active() && b.windowStart().isAfter(clock.instant())) {
                var spike = spikes.byId(b.spikeId()).orElseThrow();
                if (new ltsportal.spikes.BookingChanges(service).cancel(staff, spike, b.id(), "Organization suspended: " + reason) instanceof BookingService.Done) {
                    cancelled++;
                    audit.record("booking.cancelled", staff, "booking " + b.id(), "organization suspended", ClientAddress.of(ctx));
                }
            }
        }
        audit.record("organization.suspended", staff, org.name(), reason + " (" + cancelled + " future bookings cancelled)",
                ClientAddress.of(ctx));
        Flash.redirect(ctx, "/admin/organizations", org.name() + " is suspended; " + (cancelled == 1 ? "1 future booking was"
                : cancelled + " future bookings were") + " cancelled and the places freed.");
    }

    private Organizations.Summary organization(Context ctx, User staff) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is no such organization.");
        }
        return Organizations.byId(db, staff, id).orElseThrow(() -> new PageNotFound("There is no such organization."));
    }

    private void render(Context ctx, int status, Long formFor, String reason, Map<String, String> errors) {
        var all = Organizations.all(db, Auth.user(ctx));
        Templates.render(ctx, status, "organizations/list", new OrganizationsPage(all,
                all.stream().filter(o -> o.status() == Organizations.Status.PENDING).count(), formFor, reason, errors));
    }
}

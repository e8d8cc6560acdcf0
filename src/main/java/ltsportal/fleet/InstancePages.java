package ltsportal.fleet;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ltsportal.accounts.AuditLog;
import ltsportal.accounts.Auth;
import ltsportal.accounts.User;
import ltsportal.catalog.SpikeInvite;
import ltsportal.catalog.SupportCheck;
import ltsportal.spikes.Installation;
import ltsportal.web.ClientAddress;
import ltsportal.web.Flash;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;

/**
 * A customer organization's instances at {@code /instances}: most urgent first, each with its support status, the
 * recommended target, a plan and a window to book; register, edit and remove; check-in tokens made (shown once),
 * replaced and revoked.
 */
public final class InstancePages {
    private final Instances instances;
    private final SupportCheck check;
    private final SpikeInvite openSpike;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    public InstancePages(Instances instances, SupportCheck check, SpikeInvite openSpike, AuditLog audit, Clock clock, String baseUrl) {
        this.instances = instances;
        this.check = check;
        this.openSpike = openSpike;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * The list page. {@code token}/{@code tokenFor}: a check-in token just made, shown this once with its curl line;
     * {@code editing}: the instance whose form is open (null: the register form).
     */
    public record InstancesPage(List<InstanceStatus> statuses, FleetStats.Summary summary, SpikeInvite.Invite spike,
                                InstanceForm form, Map<String, String> errors, Long editing, String token, Instance tokenFor,
                                String checkInUrl, Map<String, String> deployments, Map<String, String> editions,
                                Map<String, String> topologies, Map<String, String> geoOptions, String command,
                                boolean subscribed, String calendarUrl, String feedUrl) {
    }

    /** The one-line cron command for a token: the Linux package's own VERSION file, sent as JSON. */
    public static String command(String token, String url) {
        return "curl -fsS -X POST -H 'Authorization: Bearer " + token + "' -H 'Content-Type: application/json' -d \"{\\\"version\\\":\\\""
                + "$(cat /opt/gitlab/embedded/service/gitlab-rails/VERSION)\\\"}\" " + url;
    }

    public void list(Context ctx) {
        render(ctx, 200, InstanceForm.blank(), Map.of(), null, null, null);
    }

    public void edit(Context ctx) {
        Instance i = mine(ctx);
        render(ctx, 200, InstanceForm.of(i), Map.of(), i.id(), null, null);
    }

    public void create(Context ctx) {
        User customer = Auth.user(ctx);
        Form in = Form.of(ctx);
        InstanceForm form = InstanceForm.bind(in);
        var values = form.check(in);
        if (values == null) {
            render(ctx, Form.INVALID, form, in.errors(), null, null, null);
            return;
        }
        var result = instances.create(customer, values);
        if (result.refused() != null) {
            render(ctx, result.refused().field() == null ? 409 : Form.INVALID, form,
                    Map.of(result.refused().field() == null ? "form" : result.refused().field(), result.refused().message()), null, null, null);
            return;
        }
        audit.record("instance.created", customer, values.name(), "on " + values.version(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/instances#instance-" + result.id(), "\u201c" + values.name() + "\u201d is registered.");
    }

    public void update(Context ctx) {
        User customer = Auth.user(ctx);
        Instance existing = mine(ctx);
        Form in = Form.of(ctx);
        InstanceForm form = InstanceForm.bind(in);
        var values = form.check(in);
        if (values == null) {
            render(ctx, Form.INVALID, form, in.errors(), existing.id(), null, null);
            return;
        }
        var result = instances.update(customer, existing.id(), values);
        if (result.refused() != null) {
            render(ctx, Form.INVALID, form, Map.of(result.refused().field() == null ? "form" : result.refused().field(),
                    result.refused().message()), existing.id(), null, null);
            return;
        }
        audit.record("instance.changed", customer, values.name(), "on " + values.version(), ClientAddress.of(ctx));
        Flash.redirect(ctx, "/instances#instance-" + existing.id(), "\u201c" + values.name() + "\u201d is saved.");
    }

    public void delete(Context ctx) {
        User customer = Auth.user(ctx);
        Instance existing = mine(ctx);
        instances.delete(customer, existing.id());
        audit.record("instance.removed", customer, existing.name(), null, ClientAddress.of(ctx));
        Flash.redirect(ctx, "/instances", "\u201c" + existing.name() + "\u201d is removed, with its check-in token.");
    }

    /** A new check-in token (the old one answers 401 from now on), shown once. */
    public void rotateToken(Context ctx) {
        User customer = Auth.user(ctx);
        Instance existing = mine(ctx);
        String token = instances.rotateToken(customer, existing.id()).orElseThrow(() -> new PageNotFound("That instance does not exist."));
        audit.record("instance.token", customer, existing.name(), existing.hasToken() ? "check-in token replaced" : "check-in token made",
                ClientAddress.of(ctx));
        render(ctx, 201, InstanceForm.blank(), Map.of(), null, token, existing);
    }

    public void revokeToken(Context ctx) {
        User customer = Auth.user(ctx);
        Instance existing = mine(ctx);
        instances.revokeToken(customer, existing.id());
        audit.record("instance.token", customer, existing.name(), "check-in token revoked", ClientAddress.of(ctx));
        Flash.redirect(ctx, "/instances#instance-" + existing.id(), "The check-in token of \u201c" + existing.name()
                + "\u201d is revoked: check-ins with it are refused.");
    }

    private Instance mine(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Instance> found = id.matches("\\d{1,18}") ? instances.find(Auth.user(ctx), Long.parseLong(id)) : Optional.empty();
        return found.orElseThrow(() -> new PageNotFound("That instance does not exist."));
    }

    /** Most urgent first: ended, then ending soonest, then supported by end date, then newer than the data; then by name. */
    static List<InstanceStatus> byUrgency(List<InstanceStatus> statuses) {
        return statuses.stream().sorted(Comparator.comparing((InstanceStatus s) -> s.urgency().ordinal())
                .thenComparing(s -> s.endsOn() == null ? LocalDate.MAX : s.endsOn())
                .thenComparing(s -> s.instance().name().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /** A new address for the organization's calendar and feed of its instances' dates, shown once. */
    public void rotateFeed(Context ctx) {
        User customer = Auth.user(ctx);
        String token = instances.rotateFeedToken(customer);
        audit.record("instance.feed", customer, customer.orgName(), "instances' calendar and feed address replaced", ClientAddress.of(ctx));
        render(ctx, 201, InstanceForm.blank(), Map.of(), null, null, null, token);
    }

    public void calendar(Context ctx) {
        var org = organization(ctx);
        LocalDate today = LocalDate.now(clock);
        var statuses = instances.ofOrganization(org.value1()).stream().map(i -> InstanceStatus.of(i, check, today)).toList();
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType("text/calendar; charset=utf-8").result(InstanceFeeds.calendar(org.value2(), statuses, baseUrl,
                ltsportal.web.Ids.host(baseUrl), clock.instant()));
    }

    public void atom(Context ctx) {
        var org = organization(ctx);
        LocalDate today = LocalDate.now(clock);
        var statuses = instances.ofOrganization(org.value1()).stream().map(i -> InstanceStatus.of(i, check, today)).toList();
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType("application/atom+xml; charset=utf-8").result(InstanceFeeds.atom(org.value2(), statuses,
                baseUrl + "/instances/feed.atom", baseUrl, ltsportal.web.Ids.host(baseUrl), today));
    }

    private org.jooq.Record2<Long, String> organization(Context ctx) {
        return instances.organizationByFeedToken(ctx.queryParam("token"))
                .orElseThrow(() -> new PageNotFound("There is no feed at this address."));
    }

    private void render(Context ctx, int status, InstanceForm form, Map<String, String> errors, Long editing, String token,
                        Instance tokenFor) {
        render(ctx, status, form, errors, editing, token, tokenFor, null);
    }

    private void render(Context ctx, int status, InstanceForm form, Map<String, String> errors, Long editing, String token,
                        Instance tokenFor, String newFeedToken) {
        User customer = Auth.user(ctx);
        LocalDate today = LocalDate.now(clock);
        var statuses = byUrgency(instances.list(customer).stream().map(i -> InstanceStatus.of(i, check, today)).toList());
        Templates.render(ctx, status, "fleet/instances", new InstancesPage(statuses, FleetStats.summary(statuses),
                openSpike.next(today).orElse(null), form, errors, editing, token, tokenFor, baseUrl + "/api/v1/instances/check-in",
                Installation.DEPLOYMENTS, Installation.EDITIONS, Installation.TOPOLOGIES, Installation.GEO,
                token == null ? null : command(token, baseUrl + "/api/v1/instances/check-in"), instances.hasFeedToken(customer),
                newFeedToken == null ? null : baseUrl + "/instances/calendar.ics?token=" + newFeedToken,
                newFeedToken == null ? null : baseUrl + "/instances/feed.atom?token=" + newFeedToken));
    }
}

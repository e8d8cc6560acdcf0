package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import ltsportal.accounts.Emails;
import ltsportal.accounts.Tokens;
import ltsportal.accounts.User;
import ltsportal.planner.Plan;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;

/**
 * The intake form, bound field by field (nothing else in the request is read), and its checks.
 * Versions must parse and the planner must find a path between them.
 */
public record BookingForm(String windowId, String instanceName, String deployment, String edition, String topology,
                          String geo, String currentVersion, String targetVersion, String contactName,
                          String contactEmail, String contactPhone, String upgradePlanUrl, String rollbackPlanUrl,
                          String notes, String idempotencyKey) {

    public static final Map<String, String> DEPLOYMENTS = ordered(
            "linux-package", "Linux package (Omnibus)", "docker", "Docker", "helm", "Helm chart (Kubernetes)",
            "source", "Installed from source");
    public static final Map<String, String> EDITIONS = ordered("ee", "Enterprise Edition", "ce", "Community Edition");
    public static final Map<String, String> TOPOLOGIES = ordered(
            "single-node", "Single node", "multi-node", "Multi-node (own design)",
            "ra-1k", "Reference architecture: 1,000 users", "ra-2k", "Reference architecture: 2,000 users",
            "ra-3k", "Reference architecture: 3,000 users", "ra-5k", "Reference architecture: 5,000 users",
            "ra-10k", "Reference architecture: 10,000 users", "ra-25k", "Reference architecture: 25,000 users",
            "ra-50k", "Reference architecture: 50,000 users");
    public static final Map<String, String> GEO = ordered("no", "No Geo", "yes", "Uses Geo");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{6,30}");

    public static BookingForm from(Context ctx) {
        return new BookingForm(p(ctx, "windowId"), p(ctx, "instanceName"), p(ctx, "deployment"), p(ctx, "edition"),
                p(ctx, "topology"), p(ctx, "geo"), p(ctx, "currentVersion"), p(ctx, "targetVersion"),
                p(ctx, "contactName"), p(ctx, "contactEmail"), p(ctx, "contactPhone"), p(ctx, "upgradePlanUrl"),
                p(ctx, "rollbackPlanUrl"), p(ctx, "notes"), p(ctx, "idempotencyKey"));
    }

    /** A fresh form for a window, with a new idempotency key and the customer's own details. */
    public static BookingForm blank(Spike spike, User customer, long windowId) {
        return new BookingForm(String.valueOf(windowId), "", "linux-package", "ee", "single-node", "no", "",
                spike.focus(), customer.displayName(), customer.email(), "", "", "", "", Tokens.random());
    }

    private static String p(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** The checks; a valid form also yields the plan the booking will carry. */
    public record Checked(Map<String, String> errors, Plan plan) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Checked check(Planner planner, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (windowId().isEmpty() || !windowId.matches("\\d{1,18}")) {
            errors.put("windowId", "Choose a window.");
        }
        if (instanceName.isEmpty() || instanceName.length() > 120) {
            errors.put("instanceName", "Name the GitLab instance (its URL or hostname), at most 120 characters.");
        }
        if (!DEPLOYMENTS.containsKey(deployment)) {
            errors.put("deployment", "Choose how GitLab is deployed.");
        }
        if (!EDITIONS.containsKey(edition)) {
            errors.put("edition", "Choose ce or ee.");
        }
        if (!TOPOLOGIES.containsKey(topology)) {
            errors.put("topology", "Choose the topology.");
        }
        if (!geo.equals("yes") && !geo.equals("no")) {
            errors.put("geo", "Say whether the instance uses Geo.");
        }
        Plan plan = null;
        var result = planner.plan(new PlanRequest(currentVersion, targetVersion, "", false), today);
        if (result instanceof Planner.Refused r) {
            errors.put(r.refusal().field().equals("to") ? "targetVersion" : "currentVersion", r.refusal().message());
        } else {
            plan = ((Planner.Planned) result).plan();
            if (plan.alreadyThere()) {
                errors.put("targetVersion", "You already run " + plan.to() + ": choose a newer target.");
            }
        }
        if (contactName.isEmpty() || contactName.length() > 120) {
            errors.put("contactName", "Give the name of the person support should talk to.");
        }
        if (!Emails.valid(contactEmail)) {
            errors.put("contactEmail", "Give the contact's email address.");
        }
        if (!contactPhone.isEmpty() && !PHONE.matcher(contactPhone).matches()) {
            errors.put("contactPhone", "Give a phone number with digits, spaces and + ( ) - only, or leave it empty.");
        }
        checkUrl(errors, "upgradePlanUrl", upgradePlanUrl);
        checkUrl(errors, "rollbackPlanUrl", rollbackPlanUrl);
        if (notes.length() > 4000) {
            errors.put("notes", "Keep the notes under 4000 characters.");
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            errors.put("idempotencyKey", "This form is incomplete. Open the booking form again.");
        }
        return new Checked(Map.copyOf(errors), errors.isEmpty() ? plan : null);
    }

    private static void checkUrl(Map<String, String> errors, String field, String url) {
        if (!url.isEmpty() && (url.length() > 500 || !url.matches("https?://[^\\s<>\"]+"))) {
            errors.put(field, "Give a link starting with https:// (or leave it empty).");
        }
    }

    public Intake intake(Plan plan) {
        return new Intake(instanceName, deployment, edition, topology, geo.equals("yes"), plan.from().toString(),
                plan.to().toString(), contactName, contactEmail, contactPhone, upgradePlanUrl, rollbackPlanUrl, notes);
    }

    public long window() {
        return Long.parseLong(windowId);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static List<String> pathOf(Plan plan) {
        return plan.path().stream().map(Object::toString).toList();
    }
}

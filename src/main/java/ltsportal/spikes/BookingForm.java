package ltsportal.spikes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import ltsportal.accounts.Emails;
import ltsportal.accounts.Tokens;
import ltsportal.accounts.User;
import ltsportal.accounts.Users;
import ltsportal.planner.Plan;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.web.Form;

/**
 * The intake form, bound field by field (nothing else in the request is read), and its checks.
 * Versions must parse and the planner must find a path between them.
 */
public record BookingForm(String windowId, String instanceName, String deployment, String edition, String topology,
                          String geo, String currentVersion, String targetVersion, String contactName,
                          String contactEmail, String contactPhone, String upgradePlanUrl, String rollbackPlanUrl,
                          String notes, String idempotencyKey, List<String> conditions, boolean zeroDowntime,
                          boolean confirmTarget, List<String> seriesWindows, boolean acceptFit) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{6,30}");

    public static BookingForm bind(Form in) {
        return new BookingForm(in.text("windowId"), in.text("instanceName"), in.text("deployment"), in.text("edition"),
                in.text("topology"), in.text("geo"), in.text("currentVersion"), in.text("targetVersion"),
                in.text("contactName"), in.text("contactEmail"), in.text("contactPhone"), in.text("upgradePlanUrl"),
                in.text("rollbackPlanUrl"), in.text("notes"), in.text("idempotencyKey"), in.all("conditions"),
                in.text("zeroDowntime").equals("true"), in.text("confirmTarget").equals("true"), in.all("seriesWindows"),
                in.text("acceptFit").equals("true"));
    }

    /** A fresh form for a window, with a new idempotency key and the customer's own details. */
    public static BookingForm blank(Spike spike, User customer, long windowId) {
        return new BookingForm(String.valueOf(windowId), "", "linux-package", "ee", "single-node", "no", "",
                spike.focus(), customer.displayName(), customer.email(), "", "", "", "", Tokens.random(), List.of(), false, false,
                List.of(), false);
    }

    /** This form with a registered instance's name, deployment, edition, topology, Geo and version filled in. */
    public BookingForm from(InstancePrefill.Choice i) {
        return new BookingForm(windowId, i.name(), i.deployment(), i.edition(), i.topology(), i.geo() ? "yes" : "no", i.version(),
                targetVersion, contactName, contactEmail, contactPhone, upgradePlanUrl, rollbackPlanUrl, notes, idempotencyKey,
                conditions, zeroDowntime, confirmTarget, seriesWindows, acceptFit);
    }

    public boolean hasCondition(String key) {
        return conditions.contains(key);
    }

    /** The conditional stops ticked, as the planner takes them ("multiple-rails-nodes,npm-packages"). */
    public String conditionList() {
        return String.join(",", conditions);
    }

    /**
     * Checks the form into {@code in}; a valid form also yields the plan the booking will carry. The target must
     * be above the current version; one outside the spike's focus line, or past its support on the window's day,
     * is refused until the customer confirms it ({@code confirmTarget}), with the reason next to the field.
     */
    public Plan check(Form in, Planner planner, LocalDate today, String focus) {
        in.check(windowId.matches("\\d{1,18}"), "windowId", "Choose a window.");
        in.required("instanceName", instanceName, 120, "Name the GitLab instance (its URL or hostname), at most 120 characters.");
        in.check(Installation.DEPLOYMENTS.containsKey(deployment), "deployment", "Choose how GitLab is deployed.");
        in.check(Installation.EDITIONS.containsKey(edition), "edition", "Choose ce or ee.");
        in.check(Installation.TOPOLOGIES.containsKey(topology), "topology", "Choose the topology.");
        in.check(Installation.GEO.containsKey(geo), "geo", "Say whether the instance uses Geo.");
        Plan plan = null;
        in.check(conditions.size() <= 20, "conditions", "Tick only the conditions listed.");
        var result = planner.plan(new PlanRequest(currentVersion, targetVersion, conditionList(), zeroDowntime), today);
        if (result instanceof Planner.Refused r) {
            String field = switch (r.refusal().field()) {
                case "to" -> "targetVersion";
                case "conditions" -> "conditions";
                default -> "currentVersion";
            };
            in.check(false, field, r.refusal().message());
        } else {
            plan = ((Planner.Planned) result).plan();
            if (in.check(!plan.alreadyThere(), "targetVersion", "You already run " + plan.to() + ": choose a newer target.")
                    && !confirmTarget) {
                String why = targetDoubt(plan, focus);
                in.check(why == null, "targetVersion", why + " Tick \"Book this target anyway\" below the field to go ahead.");
            }
        }
        in.required("contactName", contactName, Users.NAME_MAX, "Give the name of the person support should talk to.");
        in.check(Emails.valid(contactEmail), "contactEmail", "Give the contact's email address.");
        in.check(contactPhone.isEmpty() || PHONE.matcher(contactPhone).matches(), "contactPhone",
                "Give a phone number with digits, spaces and + ( ) - only, or leave it empty.");
        checkUrl(in, "upgradePlanUrl", upgradePlanUrl);
        checkUrl(in, "rollbackPlanUrl", rollbackPlanUrl);
        in.atMost("notes", notes, 4000, "Keep the notes under 4000 characters.");
        in.check(KEY.matcher(idempotencyKey).matches(), "idempotencyKey", "This form is incomplete. Open the booking form again.");
        in.check(seriesWindows.size() <= BookingService.SERIES_MAX - 1
                        && seriesWindows.stream().allMatch(w -> w.matches("\\d{1,18}") && !w.equals(windowId))
                        && seriesWindows.stream().distinct().count() == seriesWindows.size(), "series",
                "Choose at most " + (BookingService.SERIES_MAX - 1) + " more windows, each once, besides the one above.");
        return in.valid() ? plan : null;
    }

    /** Why a target needs the customer's confirmation (outside the spike's focus, or not supported), or null. */
    static String targetDoubt(Plan plan, String focus) {
        if (!plan.targetStatus().supported()) {
            return "GitLab " + plan.to() + " is no longer supported (" + plan.targetStatus().label().toLowerCase(java.util.Locale.ROOT)
                    + "): after this upgrade the instance would still get no fixes.";
        }
        if (!plan.to().lineName().equals(focus)) {
            return "This spike is for upgrades to GitLab " + focus + "; " + plan.to() + " is outside it, so the engineers on hand may "
                    + "not have prepared for it.";
        }
        return null;
    }

    private static void checkUrl(Form in, String field, String url) {
        in.check(url.isEmpty() || (url.length() <= 500 && url.matches("https?://[^\\s<>\"]+")), field,
                "Give a link starting with https:// (or leave it empty).");
    }

    public Intake intake(Plan plan) {
        return new Intake(instanceName, deployment, edition, topology, geo.equals("yes"), plan.from().toString(),
                plan.to().toString(), contactName, contactEmail, contactPhone, upgradePlanUrl, rollbackPlanUrl, notes);
    }

    public long window() {
        return Long.parseLong(windowId);
    }

    /** The windows to book: the one chosen, then those added for a series. */
    public List<Long> windows() {
        List<Long> all = new java.util.ArrayList<>();
        all.add(window());
        seriesWindows.forEach(w -> all.add(Long.parseLong(w)));
        return List.copyOf(all);
    }

    public boolean inSeries(long windowId) {
        return seriesWindows.contains(String.valueOf(windowId));
    }

    /**
     * Why the path likely will not fit the chosen windows, or null: the plan at the planner's pace against the
     * windows' total length. Unless the customer books anyway ({@code acceptFit}), the form asks for more windows.
     */
    public String fitProblem(Plan plan, ltsportal.planner.UpgradeRules.Pace pace, List<SpikeWindow> chosen) {
        int needed = pace.minutes(plan);
        long have = chosen.stream().mapToLong(w -> java.time.Duration.between(w.start(), w.end()).toMinutes()).sum();
        if (acceptFit || needed <= have) {
            return null;
        }
        long longHops = plan.hops().stream().filter(h -> pace.minutes(h) == pace.longHopMinutes() && pace.longHopMinutes() != pace.hopMinutes()).count();
        String hops = plan.hops().size() + (plan.hops().size() == 1 ? " hop" : " hops");
        String windows = chosen.size() == 1 ? "this window is " + length(have) : "your " + chosen.size() + " windows total " + length(have);
        return "Your path has " + hops + " and likely takes about " + length(needed) + " (we plan " + length(pace.hopMinutes())
                + " a hop" + (longHops > 0 ? ", " + length(pace.longHopMinutes()) + " for " + (longHops == 1 ? "the hop" : "each of the " + longHops + " hops")
                + " with long-running migrations" : "") + "); " + windows + "."
                + (chosen.size() < BookingService.SERIES_MAX ? " Add windows of this spike below to book a series (up to "
                + BookingService.SERIES_MAX + " windows), or tick \"Book anyway\"." : " Tick \"Book anyway\" to book these windows.");
    }

    static String length(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }

    static List<String> pathOf(Plan plan) {
        return plan.path().stream().map(Object::toString).toList();
    }

    /** What the booking keeps of the plan beyond its versions: the path, the conditions ticked and zero downtime. */
    public Route route(Plan plan) {
        return new Route(pathOf(plan), conditionList(), zeroDowntime);
    }
}

package ltsportal.planner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.web.Form;

/**
 * The planner's query parameters, bound explicitly. {@code conditions} may come as one
 * comma-separated value (shared URLs) or as several checkbox values (the form).
 */
public record PlanForm(String from, String to, String conditions, String edition, String deployment,
                       boolean zeroDowntime, Map<String, String> errors) {

    public static PlanForm bind(Form in) {
        String conditions = String.join(",", in.all("conditions"));
        String edition = orDefault(in.text("edition"), "ee");
        String deployment = orDefault(in.text("deployment"), "linux-package");
        String zeroDowntime = orDefault(in.text("zero_downtime"), "false");
        in.check(Install.edition(edition).isPresent(), "edition", "Choose ce or ee.");
        in.check(Install.Deployment.parse(deployment).isPresent(), "deployment", "Choose linux-package, docker or helm.");
        in.check(List.of("true", "false", "on").contains(zeroDowntime), "zero_downtime", "Use true or false.");
        return new PlanForm(in.text("from"), in.text("to"), conditions, edition, deployment,
                zeroDowntime.equals("true") || zeroDowntime.equals("on"), in.errors());
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    public boolean submitted() {
        return !from.isEmpty() || !to.isEmpty() || !conditions.isEmpty();
    }

    public PlanRequest request() {
        return new PlanRequest(from, to, conditions, zeroDowntime);
    }

    public PlanForm withError(String field, String message) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.put(field, message);
        return new PlanForm(from, to, conditions, edition, deployment, zeroDowntime, Map.copyOf(all));
    }

    public Install.Edition editionChoice() {
        return Install.edition(edition).orElse(Install.Edition.EE);
    }

    public Install.Deployment deploymentChoice() {
        return Install.Deployment.parse(deployment).orElse(Install.Deployment.LINUX_PACKAGE);
    }

    public boolean hasCondition(Stop stop) {
        for (String t : conditions.split(",")) {
            if (!t.isBlank() && stop.matches(t.strip())) {
                return true;
            }
        }
        return false;
    }

    /** The query string of this plan, for permalinks, the print view and the Markdown download. */
    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "from", from);
        add(q, "to", to);
        add(q, "conditions", conditions);
        add(q, "edition", edition);
        add(q, "deployment", deployment);
        if (zeroDowntime) {
            add(q, "zero_downtime", "true");
        }
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}

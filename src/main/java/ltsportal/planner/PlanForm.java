package ltsportal.planner;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The planner's query parameters, bound explicitly. {@code conditions} may come as one
 * comma-separated value (shared URLs) or as several checkbox values (the form).
 */
public record PlanForm(String from, String to, String conditions, String edition, String deployment,
                       boolean zeroDowntime, Map<String, String> errors) {

    public static PlanForm from(Context ctx) {
        String conditions = ctx.queryParams("conditions").stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
        String edition = value(ctx, "edition", "ee");
        String deployment = value(ctx, "deployment", "linux-package");
        String zeroDowntime = value(ctx, "zero_downtime", "false");
        Map<String, String> errors = new LinkedHashMap<>();
        if (Install.edition(edition).isEmpty()) {
            errors.put("edition", "Choose ce or ee.");
        }
        if (Install.Deployment.parse(deployment).isEmpty()) {
            errors.put("deployment", "Choose linux-package, docker or helm.");
        }
        if (!List.of("true", "false", "on").contains(zeroDowntime)) {
            errors.put("zero_downtime", "Use true or false.");
        }
        return new PlanForm(value(ctx, "from", ""), value(ctx, "to", ""), conditions, edition, deployment,
                zeroDowntime.equals("true") || zeroDowntime.equals("on"), errors);
    }

    private static String value(Context ctx, String name, String fallback) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? fallback : v.strip();
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

package ltsportal.planner;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.web.ApiError;
import ltsportal.web.Json;

/** GET /api/v1/plan: the same plan as the page, as JSON. */
public final class PlanApi {
    private final Planner planner;
    private final Clock clock;
    private final String baseUrl;

    public PlanApi(Planner planner, Clock clock, String baseUrl) {
        this.planner = planner;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public void plan(Context ctx) {
        String from = ctx.queryParam("from");
        if (from == null || from.isBlank()) {
            throw new ApiError(400, "Give the version you run: ?from=15.4.6&to=18.11");
        }
        String zeroDowntime = ctx.queryParam("zero_downtime");
        if (zeroDowntime != null && !List.of("true", "false").contains(zeroDowntime)) {
            throw new ApiError(400, "zero_downtime must be true or false");
        }
        String conditions = String.join(",", ctx.queryParams("conditions"));
        Planner.Result result = planner.plan(
                new PlanRequest(from, ctx.queryParam("to"), conditions, "true".equals(zeroDowntime)),
                LocalDate.now(clock));
        if (result instanceof Planner.Refused r) {
            throw new ApiError(400, r.refusal().message());
        }
        Plan plan = ((Planner.Planned) result).plan();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", plan.from().toString());
        body.put("to", plan.to().toString());
        body.put("path", plan.path().stream().map(Object::toString).toList());
        body.put("hops", plan.hops().stream().map(this::hop).toList());
        body.put("conditionalStops", plan.conditionalStops().stream().map(s -> Map.of(
                "version", s.version().toString(), "key", s.key(), "condition", s.condition(),
                "applied", plan.appliedConditions().contains(s))).toList());
        body.put("warnings", plan.warnings());
        ctx.contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    private Map<String, Object> hop(Hop hop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", hop.version().toString());
        m.put("kind", hop.kind().key());
        m.put("reason", hop.reason());
        m.put("alerts", hop.alerts().stream().map(a -> {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("title", a.title());
            alert.put("severity", a.severity().key());
            alert.put("check", a.when().key());
            alert.put("requires", a.requires() == null ? null : a.requires().toString());
            alert.put("message", a.messageMarkdown().strip());
            return alert;
        }).toList());
        m.put("notesUrl", baseUrl + "/gitlab/" + hop.cycle());
        m.put("reminder", Planner.MIGRATIONS_HINT);
        return m;
    }
}

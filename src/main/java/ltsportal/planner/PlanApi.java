package ltsportal.planner;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
        var body = new PlanJson(plan.from().toString(), plan.to().toString(),
                plan.path().stream().map(Object::toString).toList(),
                plan.hops().stream().map(this::hop).toList(),
                plan.conditionalStops().stream().map(s -> new ConditionalStopJson(s.version().toString(), s.key(),
                        s.condition(), plan.appliedConditions().contains(s))).toList(),
                plan.warnings(), planner.dataAsOf());
        ctx.contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    /** The plan as JSON: {@code path} is exactly the versions to install, in order; {@code dataAsOf} the release data's date. */
    public record PlanJson(String from, String to, List<String> path, List<HopJson> hops,
                           List<ConditionalStopJson> conditionalStops, List<String> warnings, java.time.LocalDate dataAsOf) {
    }

    public record HopJson(String version, String kind, String reason, List<AlertJson> alerts, String notesUrl,
                          String reminder) {
    }

    /** {@code firstHop}..{@code lastHop}: the run of hops (numbered from 1) this alert applies to; pages tell it on the first. */
    public record AlertJson(String title, String severity, String check, String requires, String message,
                            int firstHop, int lastHop) {
    }

    public record ConditionalStopJson(String version, String key, String condition, boolean applied) {
    }

    private HopJson hop(Hop hop) {
        return new HopJson(hop.version().toString(), hop.kind().key(), hop.reason(),
                hop.alerts().stream().map(a -> alert(hop, a)).toList(),
                baseUrl + "/gitlab/" + hop.lineName(), Planner.MIGRATIONS_HINT);
    }

    private static AlertJson alert(Hop hop, Alert a) {
        var range = hop.carried().stream().filter(c -> c.alert().equals(a)).map(c -> new int[] {c.firstHop(), c.lastHop()})
                .findFirst().orElseGet(() -> new int[] {hop.number(), hop.number() + hop.shown().stream()
                        .filter(s -> s.alert().equals(a)).mapToInt(Hop.Shown::nextHops).findFirst().orElse(0)});
        return new AlertJson(a.title(), a.severity().key(), a.when().key(),
                a.requires() == null ? null : a.requires().toString(), a.messageMarkdown().strip(), range[0], range[1]);
    }
}

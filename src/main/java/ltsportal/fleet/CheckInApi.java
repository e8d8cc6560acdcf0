package ltsportal.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import ltsportal.catalog.SupportCheck;
import ltsportal.catalog.Version;
import ltsportal.notes.Echo;
import ltsportal.web.ApiError;
import ltsportal.web.Json;

/**
 * {@code POST /api/v1/instances/check-in} with {@code Authorization: Bearer <token>} and {@code {"version":"17.3.7-ee"}}:
 * a cron job or a pipeline in the customer's network records what the instance runs, and hears back its status, the
 * end of its support and the recommended target. The token names the instance; an unknown, replaced or revoked one
 * answers 401 without saying which. At most {@link #PER_MINUTE} check-ins a minute per token (429 beyond).
 */
public final class CheckInApi {
    static final int PER_MINUTE = 6;

    private final Instances instances;
    private final SupportCheck check;
    private final Clock clock;
    private final String baseUrl;
    /** token's instance -> [minute, count]: only instances that checked in this minute (a token must be valid to count). */
    private final ConcurrentHashMap<Long, long[]> recent = new ConcurrentHashMap<>();

    public CheckInApi(Instances instances, SupportCheck check, Clock clock, String baseUrl) {
        this.instances = instances;
        this.check = check;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public record CheckInJson(String instance, String version, String recordedAt, String status, String statusLabel,
                              String supportEnds, Long daysLeft, String recommendedTarget, boolean newerThanData, String planUrl) {
    }

    public void checkIn(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        var instance = instances.byToken(token);
        if (instance.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"lts-portal\"");
            throw new ApiError(401, "Send the instance's check-in token as Authorization: Bearer <token>; this one is not valid.");
        }
        limit(ctx, instance.get().id());
        String version = version(ctx);
        var parsed = Version.parsePatch(version).orElseThrow(() -> new ApiError(400, "\u201c" + Echo.clip(version)
                + "\u201d is not a GitLab version with its patch, such as 17.3.7 or 17.3.7-ee."));
        instances.checkIn(instance.get().id(), parsed.toString());
        Instance now = instances.byToken(token).orElseThrow();
        InstanceStatus s = InstanceStatus.of(now, check, LocalDate.now(clock));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(Json.write(new CheckInJson(now.name(), now.version(),
                now.checkedInAt().toString(), s.urgency().key(), s.label(), s.endsOn() == null ? null : s.endsOn().toString(),
                s.daysLeft(), s.target() == null ? null : s.target().toString(), s.urgency() == InstanceStatus.Urgency.NEWER,
                baseUrl + s.planUrl())));
    }

    private static String version(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (java.io.IOException | RuntimeException e) {
            throw new ApiError(400, "Send a JSON object such as {\"version\":\"17.3.7-ee\"}.");
        }
        if (body == null || !body.isObject() || !body.path("version").isTextual()) {
            throw new ApiError(400, "Send a JSON object with the version as text, such as {\"version\":\"17.3.7-ee\"}.");
        }
        return body.get("version").asText();
    }

    private void limit(Context ctx, long instanceId) {
        long minute = clock.millis() / 60_000;
        long[] counted = recent.compute(instanceId, (id, old) -> old == null || old[0] != minute ? new long[] {minute, 1}
                : new long[] {minute, old[1] + 1});
        if (counted[1] > PER_MINUTE) {
            ctx.header("Retry-After", String.valueOf(60 - (clock.millis() / 1000) % 60));
            throw new ApiError(429, "At most " + PER_MINUTE + " check-ins a minute per instance: once an hour is plenty.");
        }
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
    }
}

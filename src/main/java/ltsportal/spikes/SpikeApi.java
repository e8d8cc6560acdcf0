package ltsportal.spikes;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import ltsportal.web.ApiError;
import ltsportal.web.Json;

/** Open spikes and their windows as JSON, for signed-in users. Times are ISO instants (UTC). */
public final class SpikeApi {
    private final Spikes spikes;

    public SpikeApi(Spikes spikes) {
        this.spikes = spikes;
    }

    public void list(Context ctx) {
        ctx.contentType("application/json; charset=utf-8")
                .result(Json.write(spikes.open().stream().map(SpikeApi::summary).toList()));
    }

    public void show(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "'" + ctx.pathParam("id") + "' is not a spike number");
        }
        Spike spike = spikes.byId(id).filter(Spike::open)
                .orElseThrow(() -> new ApiError(404, "There is no open spike " + id));
        Map<String, Object> body = summary(spike);
        body.put("windows", spikes.windows(id).stream().map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", w.id());
            m.put("start", w.start().toString());
            m.put("end", w.end().toString());
            m.put("capacity", w.capacity());
            m.put("booked", w.booked());
            m.put("remaining", w.remaining());
            return m;
        }).toList());
        ctx.contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    private static Map<String, Object> summary(Spike s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("startsOn", s.startsOn().toString());
        m.put("endsOn", s.endsOn().toString());
        m.put("timeZone", s.zone().getId());
        m.put("focus", s.focus());
        return m;
    }
}

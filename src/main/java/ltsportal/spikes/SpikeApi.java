package ltsportal.spikes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.List;
import ltsportal.web.ApiError;
import ltsportal.web.Json;

/** Open spikes and their windows as JSON, for signed-in users. Times are ISO instants (UTC). */
public final class SpikeApi {
    private final Spikes spikes;

    public SpikeApi(Spikes spikes) {
        this.spikes = spikes;
    }

    /** A spike as the API shows it; {@code windows} only where one spike is asked for. */
    public record SpikeJson(long id, String name, String startsOn, String endsOn, String timeZone, String focus,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<WindowJson> windows) {
    }

    public record WindowJson(long id, String start, String end, int capacity, int booked, int remaining) {
    }

    public void list(Context ctx) {
        ctx.contentType("application/json; charset=utf-8")
                .result(Json.write(spikes.open().stream().map(s -> json(s, null)).toList()));
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
        var windows = spikes.windows(id).stream().map(w -> new WindowJson(w.id(), w.start().toString(),
                w.end().toString(), w.capacity(), w.booked(), w.remaining())).toList();
        ctx.contentType("application/json; charset=utf-8").result(Json.write(json(spike, windows)));
    }

    private static SpikeJson json(Spike s, List<WindowJson> windows) {
        return new SpikeJson(s.id(), s.name(), s.startsOn().toString(), s.endsOn().toString(), s.zone().getId(),
                s.focus(), windows);
    }
}

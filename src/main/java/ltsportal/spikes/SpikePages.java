package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.TimeZones;
import ltsportal.accounts.User;
import ltsportal.accounts.Auth;
import ltsportal.web.PageNotFound;
import ltsportal.accounts.Role;
import ltsportal.notes.Echo;

/** Customers look at open spikes and their windows in their own time zone, and open the intake form. */
public final class SpikePages {
    private final Spikes spikes;
    private final Clock clock;

    public SpikePages(Spikes spikes, Clock clock) {
        this.spikes = spikes;
        this.clock = clock;
    }

    public void list(Context ctx) {
        User user = Auth.user(ctx);
        List<Spike> open = spikes.open();
        Map<Long, Long> free = new LinkedHashMap<>();
        for (Spike s : open) {
            free.put(s.id(), WindowView.of(s, spikes.windows(s.id()), user.zone(), clock.instant()).stream()
                    .filter(WindowView::bookable).count());
        }
        ctx.render("spikes/list", Map.of("spikes", open, "free", free));
    }

    public void show(Context ctx) {
        User user = Auth.user(ctx);
        Spike spike = visibleSpike(ctx, user, spikes);
        String tz = ctx.queryParam("tz");
        ZoneId zone = user.zone();
        String zoneError = null;
        if (tz != null && !tz.isBlank()) {
            if (TimeZones.valid(tz.strip())) {
                zone = ZoneId.of(tz.strip());
            } else {
                zoneError = "We do not know the time zone \u201c" + Echo.clip(tz) + "\u201d; the windows show in " + zone.getId() + ".";
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("spike", spike);
        model.put("zone", zone.getId());
        model.put("zoneError", zoneError);
        model.put("timeZones", TimeZones.ALL);
        model.put("days", byDay(WindowView.of(spike, spikes.windows(spike.id()), zone, clock.instant())));
        model.put("rules", rules(spike));
        ctx.status(zoneError == null ? 200 : 400).render("spikes/show", model);
    }

    /** Customers see open spikes only; staff also see drafts and closed ones. */
    static Spike visibleSpike(Context ctx, User user, Spikes spikes) {
        long id = parseId(ctx.pathParam("id"));
        return spikes.byId(id).filter(s -> s.open() || user.role() != Role.CUSTOMER)
                .orElseThrow(() -> new PageNotFound("There is no open spike with this number."));
    }

    static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new PageNotFound("There is nothing with this number.");
        }
    }

    static Map<String, List<WindowView>> byDay(List<WindowView> views) {
        Map<String, List<WindowView>> days = new LinkedHashMap<>();
        for (WindowView v : views) {
            days.computeIfAbsent(v.day(), d -> new java.util.ArrayList<>()).add(v);
        }
        return days;
    }

    static String rules(Spike spike) {
        return "Book at least " + spike.minNoticeBusinessDays() + " business day" + (spike.minNoticeBusinessDays() == 1 ? "" : "s")
                + " ahead and at most " + spike.horizonDays() + " days ahead. Cancel or move online until "
                + spike.cancelCutoffHours() + " hours before your window.";
    }

}

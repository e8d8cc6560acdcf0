package ltsportal.spikes;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ltsportal.accounts.TimeZones;
import ltsportal.accounts.User;
import ltsportal.accounts.Auth;
import ltsportal.web.Form;
import ltsportal.web.PageNotFound;
import ltsportal.web.Templates;
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

    public record ListPage(List<Spike> spikes, Map<Long, Long> free) {
    }

    /** A spike's windows day by day in the chosen zone; a zone that is not known is said next to the selector. */
    public record ShowPage(Spike spike, String zone, String zoneError, List<String> timeZones,
                           Map<String, List<WindowView>> days, String rules) {
    }

    public void list(Context ctx) {
        User user = Auth.user(ctx);
        List<Spike> open = spikes.open();
        Map<Long, Long> free = new LinkedHashMap<>();
        for (Spike s : open) {
            free.put(s.id(), WindowView.of(s, spikes.windows(s.id()), user.zone(), clock.instant()).stream()
                    .filter(WindowView::bookable).count());
        }
        Templates.render(ctx, "spikes/list", new ListPage(open, free));
    }

    public void show(Context ctx) {
        User user = Auth.user(ctx);
        Spike spike = visibleSpike(ctx, user, spikes);
        Form in = Form.ofQuery(ctx);
        String tz = in.text("tz");
        ZoneId zone = tz.isEmpty() || !TimeZones.valid(tz) ? user.zone() : ZoneId.of(tz);
        in.check(tz.isEmpty() || TimeZones.valid(tz), "tz",
                "We do not know the time zone \u201c" + Echo.clip(tz) + "\u201d; the windows show in " + zone.getId() + ".");
        Templates.render(ctx, in.valid() ? 200 : Form.INVALID, "spikes/show", new ShowPage(spike, zone.getId(),
                in.errors().get("tz"), TimeZones.ALL,
                byDay(WindowView.of(spike, spikes.windows(spike.id()), zone, clock.instant())), rules(spike)));
    }

    /** Customers see open spikes only; staff also see drafts and closed ones. */
    static Spike visibleSpike(Context ctx, User user, Spikes spikes) {
        long id = parseId(ctx.pathParam("id"));
        return spikes.byId(id).filter(s -> s.open() || user.role() != Role.CUSTOMER)
                .orElseThrow(() -> new PageNotFound("There is no open spike with this number."));
    }

    public static long parseId(String text) {
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

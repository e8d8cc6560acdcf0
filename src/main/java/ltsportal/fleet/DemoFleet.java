package ltsportal.fleet;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.INSTANCE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.Lifecycle;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.SupportCheck;
import org.jooq.DSLContext;

/**
 * Demo mode's fleet: a few instances for each demo organization, on versions the release data holds, picked for
 * the demo's day so there is one on an ended line, one leaving support within 90 days, one on the newest LTS line
 * and one on the newest line; and a year of weekly snapshots rising towards today's share, so the trend chart
 * has a shape. Safe at every start: an organization that has instances gets none, a week on record stays.
 */
public final class DemoFleet {
    private DemoFleet() {
    }

    public static void seed(DSLContext db, Clock clock, Catalog catalog) {
        LocalDate today = LocalDate.now(clock);
        List<ReleaseLine> picks = picks(catalog, today);
        String[][] names = {{"gitlab.acme-robotics.test", "ci.acme-robotics.test", "gitlab-dr.acme-robotics.test", "sandbox.acme-robotics.test"},
                {"git.globex.test", "gitlab.eu.globex.test", "gitlab.us.globex.test", "review.globex.test"}};
        String[] customers = {"customer@demo.test", "customer2@demo.test"};
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        for (int o = 0; o < customers.length; o++) {
            Long org = db.select(APP_USER.ORG_ID).from(APP_USER).where(APP_USER.EMAIL_KEY.eq(customers[o])).fetchOne(APP_USER.ORG_ID);
            if (org == null || db.fetchExists(INSTANCE, INSTANCE.ORG_ID.eq(org))) {
                continue;
            }
            for (int i = 0; i < picks.size() && i < names[o].length; i++) {
                ReleaseLine line = picks.get((i + o) % picks.size());
                db.insertInto(INSTANCE).set(INSTANCE.ORG_ID, org).set(INSTANCE.NAME, names[o][i]).set(INSTANCE.NAME_KEY, names[o][i])
                        .set(INSTANCE.VERSION, line.latest().toString()).set(INSTANCE.DEPLOYMENT, i % 2 == 0 ? "linux-package" : "helm")
                        .set(INSTANCE.EDITION, "ee").set(INSTANCE.TOPOLOGY, i == 0 ? "ra-3k" : "single-node").set(INSTANCE.GEO, i == 2)
                        .set(INSTANCE.NOTE, "").set(INSTANCE.CREATED_AT, now).set(INSTANCE.UPDATED_AT, now).execute();
            }
        }
        history(db, clock, catalog, today);
    }

    /** Lines for the demo's day: newest ended, supported and ending soonest, newest LTS, newest released. */
    static List<ReleaseLine> picks(Catalog catalog, LocalDate today) {
        List<ReleaseLine> picks = new ArrayList<>();
        catalog.lines().stream().filter(l -> !Lifecycle.status(l, today).supported() && !l.releaseDate().isAfter(today))
                .findFirst().ifPresent(picks::add);
        catalog.lines().stream().filter(l -> Lifecycle.status(l, today).supported() && !l.releaseDate().isAfter(today))
                .min(Comparator.comparing(ReleaseLine::supportEnds)).ifPresent(picks::add);
        catalog.lines().stream().filter(l -> l.lts() && Lifecycle.status(l, today).supported()).findFirst().ifPresent(picks::add);
        catalog.lines().stream().filter(l -> !l.releaseDate().isAfter(today)).findFirst().ifPresent(picks::add);
        return picks.stream().distinct().toList();
    }

    /** 52 weeks before this one: the same fleet, its maintained share rising from about half to today's. */
    private static void history(DSLContext db, Clock clock, Catalog catalog, LocalDate today) {
        var check = new SupportCheck(catalog);
        List<InstanceStatus> now = db.selectFrom(INSTANCE).fetch().stream().map(r -> InstanceStatus.of(new Instance(r.getId(),
                r.getOrgId(), "", r.getName(), r.getVersion(), r.getDeployment(), r.getEdition(), r.getTopology(), r.getGeo(), r.getNote(),
                false, null, r.getUpdatedAt().toInstant()), check, today)).toList();
        var summary = FleetStats.summary(now);
        int n = summary.instances();
        if (n == 0) {
            return;
        }
        LocalDate thisWeek = FleetSnapshots.weekOf(today);
        for (int w = 52; w >= 1; w--) {
            double progress = (52 - w) / 52.0;
            int maintained = (int) Math.round(n * (0.5 + (summary.maintained() / (double) n - 0.5) * progress));
            maintained = Math.max(0, Math.min(n, maintained));
            int lts = Math.min(maintained, (int) Math.round(summary.onLts() * progress));
            FleetSnapshots.write(db, new FleetSnapshots.Week(thisWeek.minusWeeks(w), n, maintained, lts, n - maintained), clock);
        }
    }
}

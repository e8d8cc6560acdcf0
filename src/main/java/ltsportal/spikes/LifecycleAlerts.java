package ltsportal.spikes;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.ORGANIZATION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.Version;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import org.jooq.DSLContext;

/**
 * Lifecycle alerts, queued by the outbox sender's rounds: when a release line an organization booked
 * from or to (a booking not cancelled) leaves maintenance within {@link #AHEAD_DAYS} days, its customers
 * hear of it once per line (unless they turned these alerts off).
 */
public final class LifecycleAlerts {
    static final int AHEAD_DAYS = 30;

    private final DSLContext db;
    private final Clock clock;
    private final MailTemplates templates;
    private final Catalog catalog;

    public LifecycleAlerts(DSLContext db, Clock clock, MailTemplates templates, Catalog catalog) {
        this.db = db;
        this.clock = clock;
        this.templates = templates;
        this.catalog = catalog;
    }

    /** One round (the lifecycle-alerts job): queues the warnings now due and not sent yet; how many. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        // organization -> (line -> the line), for lines ending within the window
        Map<Long, Map<String, ReleaseLine>> ending = new TreeMap<>();
        Map<Long, String> orgNames = new LinkedHashMap<>();
        db.select(BOOKING.ORG_ID, ORGANIZATION.NAME, BOOKING.CURRENT_VERSION, BOOKING.TARGET_VERSION).from(BOOKING)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(BOOKING.ORG_ID))
                .where(BOOKING.STATUS.ne(BookingStatus.CANCELLED)).fetch().forEach(r -> {
                    orgNames.put(r.value1(), r.value2());
                    for (String v : new String[] {r.value3(), r.value4()}) {
                        Version.parse(v).flatMap(catalog::line).filter(line -> endsSoon(line, today))
                                .ifPresent(line -> ending.computeIfAbsent(r.value1(), k -> new TreeMap<>()).put(line.name(), line));
                    }
                });
        int queued = 0;
        for (var org : ending.entrySet()) {
            for (ReleaseLine line : org.getValue().values()) {
                queued += db.transactionResult(cfg -> alert(cfg.dsl(), org.getKey(), orgNames.get(org.getKey()), line, today));
            }
        }
        return queued;
    }

    private static boolean endsSoon(ReleaseLine line, LocalDate today) {
        LocalDate ends = line.supportEnds();
        return ends != null && !ends.isBefore(today) && !ends.isAfter(today.plusDays(AHEAD_DAYS));
    }

    private int alert(DSLContext tx, long orgId, String orgName, ReleaseLine line, LocalDate today) {
        var people = tx.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME).from(APP_USER)
                .where(APP_USER.ORG_ID.eq(orgId), APP_USER.DISABLED.isFalse(), APP_USER.NOTIFY_LIFECYCLE.isTrue(),
                        APP_USER.EMAIL_VERIFIED_AT.isNotNull()).orderBy(APP_USER.ID).fetch();
        int queued = 0;
        for (var p : people) {
            var values = new LinkedHashMap<String, Object>();
            values.put("line", line.name());
            values.put("ends", line.supportEnds().toString());
            values.put("days", java.time.temporal.ChronoUnit.DAYS.between(today, line.supportEnds()));
            values.put("orgName", orgName);
            values.put("lineUrl", templates.baseUrl() + "/gitlab/" + line.name());
            values.put("planUrl", templates.baseUrl() + "/gitlab/plan?from=" + line.latest());
            if (Outbox.enqueue(tx, clock, templates.letter("eol:" + orgId + ":" + line.name() + ":" + p.value1().toLowerCase(java.util.Locale.ROOT),
                    "lifecycle", p.value1(), p.value2(), "GitLab " + line.name() + " leaves maintenance on " + line.supportEnds(),
                    "lifecycle", values, null, null, true))) {
                queued++;
            }
        }
        return queued;
    }
}

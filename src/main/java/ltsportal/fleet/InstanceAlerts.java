package ltsportal.fleet;

import static ltsportal.db.Tables.APP_USER;
import static ltsportal.db.Tables.INSTANCE_ALERT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.ReleaseLine;
import ltsportal.catalog.SupportCheck;
import ltsportal.catalog.SpikeInvite;
import ltsportal.mail.MailTemplates;
import ltsportal.mail.Outbox;
import org.jooq.DSLContext;

/**
 * Warnings before a registered instance's version leaves support, queued by the outbox sender's rounds: 90, 30 and
 * 7 days ahead, once per instance, line and lead time, to the organization's customers who keep lifecycle alerts
 * on, with the instance's plan and the open spike's booking link. An instance registered late gets one mail for
 * the nearest lead time it is inside, and the farther ones count as told. Two portals sending at once both try
 * to record the same warning; the one whose row lands sends.
 */
public final class InstanceAlerts {
    static final List<Integer> LEADS = List.of(90, 30, 7);

    private final DSLContext db;
    private final Clock clock;
    private final MailTemplates templates;
    private final Instances instances;
    private final SupportCheck check;
    private final Catalog catalog;
    private final SpikeInvite openSpike;

    public InstanceAlerts(DSLContext db, Clock clock, MailTemplates templates, Instances instances, Catalog catalog, SpikeInvite openSpike) {
        this.db = db;
        this.clock = clock;
        this.templates = templates;
        this.instances = instances;
        this.check = new SupportCheck(catalog);
        this.catalog = catalog;
        this.openSpike = openSpike;
    }

    /**
     * One round (the instance-alerts job), every few minutes, so it reads little: only instances on lines whose support
     * ends within the longest lead, and only the warnings not recorded yet get a transaction. How many mails it queued.
     */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int longest = LEADS.stream().max(Integer::compare).orElseThrow();
        Set<String> lines = catalog.lines().stream().filter(l -> l.supportEnds() != null && !l.supportEnds().isBefore(today)
                && !l.supportEnds().isAfter(today.plusDays(longest))).map(ReleaseLine::name).collect(Collectors.toSet());
        Map<InstanceStatus, Integer> due = new LinkedHashMap<>();
        for (Instance i : instances.onLines(lines)) {
            InstanceStatus s = InstanceStatus.of(i, check, today);
            if (!s.maintained() || s.daysLeft() == null || s.line() == null || s.urgency() == InstanceStatus.Urgency.NEWER) {
                continue;
            }
            long left = s.daysLeft();
            LEADS.stream().filter(l -> left <= l).min(Integer::compare).ifPresent(lead -> due.put(s, lead));
        }
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> told = new HashSet<>(db.select(INSTANCE_ALERT.INSTANCE_ID, INSTANCE_ALERT.LINE, INSTANCE_ALERT.LEAD_DAYS)
                .from(INSTANCE_ALERT).where(INSTANCE_ALERT.INSTANCE_ID.in(due.keySet().stream().map(s -> s.instance().id()).toList()))
                .fetch(r -> r.value1() + "/" + r.value2() + "/" + r.value3()));
        int queued = 0;
        for (var e : due.entrySet()) {
            InstanceStatus s = e.getKey();
            int lead = e.getValue();
            if (!told.contains(s.instance().id() + "/" + s.line().name() + "/" + lead)) {
                queued += db.transactionResult(cfg -> warn(cfg.dsl(), s, lead, today));
            }
        }
        return queued;
    }

    private int warn(DSLContext tx, InstanceStatus s, int lead, LocalDate today) {
        boolean ours = false;
        for (int l : LEADS) {
            if (l >= lead) {
                int written = tx.insertInto(INSTANCE_ALERT).set(INSTANCE_ALERT.INSTANCE_ID, s.instance().id())
                        .set(INSTANCE_ALERT.LINE, s.line().name()).set(INSTANCE_ALERT.LEAD_DAYS, l)
                        .set(INSTANCE_ALERT.SENT_AT, clock.instant().atOffset(ZoneOffset.UTC)).onConflictDoNothing().execute();
                ours |= l == lead && written == 1;
            }
        }
        if (!ours) {
            return 0; // told already (by this portal or another)
        }
        var people = tx.select(APP_USER.EMAIL, APP_USER.DISPLAY_NAME).from(APP_USER)
                .where(APP_USER.ORG_ID.eq(s.instance().orgId()), APP_USER.DISABLED.isFalse(), APP_USER.NOTIFY_LIFECYCLE.isTrue(),
                        APP_USER.EMAIL_VERIFIED_AT.isNotNull()).orderBy(APP_USER.ID).fetch();
        var spike = openSpike.next(today).orElse(null);
        int queued = 0;
        for (var p : people) {
            var values = new LinkedHashMap<String, Object>();
            values.put("instance", s.instance().name());
            values.put("version", s.instance().version());
            values.put("line", s.line().name());
            values.put("ends", s.endsOn().toString());
            values.put("days", s.daysLeft());
            values.put("target", s.target() == null ? null : s.target().toString());
            values.put("planUrl", templates.baseUrl() + s.planUrl());
            values.put("instancesUrl", templates.baseUrl() + "/instances#instance-" + s.instance().id());
            values.put("spikeName", spike == null ? null : spike.name());
            values.put("spikeUrl", spike == null ? null : templates.baseUrl() + spike.href() + "?instance=" + s.instance().id());
            queued += Outbox.enqueue(tx, clock, templates.letter("instance-eol:" + s.instance().id() + ":" + s.line().name() + ":" + lead + ":"
                            + p.value1().toLowerCase(Locale.ROOT), "lifecycle", p.value1(), p.value2(),
                    s.instance().name() + ": GitLab " + s.line().name() + " leaves support in " + s.daysLeft() + " days",
                    "instance-ending", values, null, null, true)) ? 1 : 0;
        }
        return queued;
    }
}

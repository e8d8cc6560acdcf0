package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;
import static ltsportal.db.Tables.SPIKE;
import static ltsportal.db.Tables.SPIKE_WINDOW;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.db.tables.records.SpikeRecord;
import ltsportal.db.tables.records.SpikeWindowRecord;
import org.jooq.DSLContext;

/** Spikes and their windows. Reads serve everyone signed in; writes are the managers'. */
public final class Spikes {
    private final DSLContext db;

    public Spikes(DSLContext db) {
        this.db = db;
    }

    public List<Spike> open() {
        return db.selectFrom(SPIKE).where(SPIKE.STATUS.eq(Spike.Status.OPEN)).orderBy(SPIKE.STARTS_ON, SPIKE.ID).fetch(Spikes::spike);
    }

    public List<Spike> all() {
        return db.selectFrom(SPIKE).orderBy(SPIKE.STARTS_ON.desc(), SPIKE.ID.desc()).fetch(Spikes::spike);
    }

    /** Whether the organization holds (or held) a booking in the spike: its people may always open the spike's page. */
    /** The organization's active bookings in the spike: window id to booking id. */
    public Map<Long, Long> activeBookingsOf(long spikeId, long orgId) {
        Map<Long, Long> ours = new java.util.HashMap<>();
        db.select(ltsportal.db.Tables.BOOKING.WINDOW_ID, ltsportal.db.Tables.BOOKING.ID).from(ltsportal.db.Tables.BOOKING)
                .where(ltsportal.db.Tables.BOOKING.SPIKE_ID.eq(spikeId), ltsportal.db.Tables.BOOKING.ORG_ID.eq(orgId),
                        ltsportal.db.Tables.BOOKING.STATUS.in(BookingStatus.ACTIVE))
                .forEach(r -> ours.putIfAbsent(r.value1(), r.value2()));
        return ours;
    }

    public boolean bookedBy(long spikeId, Long orgId) {
        return orgId != null && db.fetchExists(ltsportal.db.Tables.BOOKING,
                ltsportal.db.Tables.BOOKING.SPIKE_ID.eq(spikeId).and(ltsportal.db.Tables.BOOKING.ORG_ID.eq(orgId)));
    }

    public Optional<Spike> byId(long id) {
        return db.selectFrom(SPIKE).where(SPIKE.ID.eq(id)).fetchOptional(Spikes::spike);
    }

    public List<SpikeWindow> windows(long spikeId) {
        return db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(spikeId))
                .orderBy(SPIKE_WINDOW.STARTS_AT, SPIKE_WINDOW.ID).fetch(Spikes::window);
    }

    public Optional<SpikeWindow> window(long spikeId, long windowId) {
        return db.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.eq(windowId)).and(SPIKE_WINDOW.SPIKE_ID.eq(spikeId))
                .fetchOptional(Spikes::window);
    }

    /** Creates the spike and the windows of its template, in one transaction. */
    public long create(Spike s, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(SPIKE)
                    .set(fields(tx.newRecord(SPIKE), s))
                    .set(SPIKE.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .returning(SPIKE.ID).fetchOne(SPIKE.ID);
            for (var w : s.template().generate(s.startsOn(), s.endsOn(), s.zone(), s.blackoutDates())) {
                insertWindow(tx, id, w.start(), w.end(), w.capacity());
            }
            return id;
        });
    }

    /**
     * What saving {@code s} would do to its windows (see {@link TemplateChange}), read without locking: the
     * manager's preview. {@link #update} computes the same change under lock and applies it.
     */
    public TemplateChange preview(Spike s) {
        return change(db, s, false);
    }

    private static TemplateChange change(DSLContext tx, Spike s, boolean lock) {
        var planned = s.template().generate(s.startsOn(), s.endsOn(), s.zone(), s.blackoutDates());
        var query = tx.selectFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.SPIKE_ID.eq(s.id())).orderBy(SPIKE_WINDOW.STARTS_AT);
        var existing = (lock ? query.forUpdate() : query).fetch(Spikes::window);
        Set<Long> everBooked = new java.util.HashSet<>(tx.selectDistinct(BOOKING.WINDOW_ID).from(BOOKING)
                .where(BOOKING.SPIKE_ID.eq(s.id())).fetch(BOOKING.WINDOW_ID));
        return TemplateChange.of(planned, existing, everBooked, s.allowParallel());
    }

    /**
     * Saves the spike and brings its windows in line with the template, as {@link TemplateChange} says: new
     * ones added, ones the template no longer makes removed unless a booking ever named them. Returns the change.
     */
    public TemplateChange update(Spike s) {
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.update(SPIKE).set(fields(tx.newRecord(SPIKE), s)).where(SPIKE.ID.eq(s.id())).execute();
            TemplateChange change = change(tx, s, true);
            if (!change.removed().isEmpty()) {
                tx.deleteFrom(SPIKE_WINDOW).where(SPIKE_WINDOW.ID.in(change.removed().stream().map(SpikeWindow::id).toList()))
                        .and(SPIKE_WINDOW.BOOKED.eq(0)).execute();
            }
            for (var w : change.added()) {
                insertWindow(tx, s.id(), w.start(), w.end(), w.capacity());
            }
            return change;
        });
    }

    /** Whether another window of the spike runs at any moment of [start, end): for spikes without parallel windows. */
    public boolean overlapsAnother(long spikeId, long exceptWindowId, Instant start, Instant end) {
        return db.fetchExists(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(spikeId).and(SPIKE_WINDOW.ID.ne(exceptWindowId))
                .and(SPIKE_WINDOW.STARTS_AT.lt(end.atOffset(ZoneOffset.UTC))).and(SPIKE_WINDOW.ENDS_AT.gt(start.atOffset(ZoneOffset.UTC))));
    }

    /** Whether the spike has a window starting at that instant: two windows never share a start. */
    public boolean hasWindowAt(long spikeId, Instant start) {
        return db.fetchExists(SPIKE_WINDOW, SPIKE_WINDOW.SPIKE_ID.eq(spikeId)
                .and(SPIKE_WINDOW.STARTS_AT.eq(start.atOffset(ZoneOffset.UTC))));
    }

    public long addWindow(long spikeId, Instant start, Instant end, int capacity) {
        return insertWindow(db, spikeId, start, end, capacity);
    }

    /** Removes a window nobody booked; false when it has bookings (or does not exist). */
    public boolean removeWindow(long spikeId, long windowId) {
        return db.deleteFrom(SPIKE_WINDOW)
                .where(SPIKE_WINDOW.ID.eq(windowId)).and(SPIKE_WINDOW.SPIKE_ID.eq(spikeId))
                .and(SPIKE_WINDOW.BOOKED.eq(0))
                .andNotExists(db.selectOne().from(BOOKING).where(BOOKING.WINDOW_ID.eq(windowId)))
                .execute() == 1;
    }

    private static long insertWindow(DSLContext tx, long spikeId, Instant start, Instant end, int capacity) {
        return tx.insertInto(SPIKE_WINDOW)
                .set(SPIKE_WINDOW.SPIKE_ID, spikeId)
                .set(SPIKE_WINDOW.STARTS_AT, start.atOffset(ZoneOffset.UTC))
                .set(SPIKE_WINDOW.ENDS_AT, end.atOffset(ZoneOffset.UTC))
                .set(SPIKE_WINDOW.CAPACITY, capacity)
                .set(SPIKE_WINDOW.BOOKED, 0)
                .returning(SPIKE_WINDOW.ID).fetchOne(SPIKE_WINDOW.ID);
    }

    private static SpikeRecord fields(SpikeRecord r, Spike s) {
        r.setName(s.name());
        r.setDescriptionMd(s.descriptionMarkdown());
        r.setDescriptionHtml(s.descriptionHtml());
        r.setStartsOn(s.startsOn());
        r.setEndsOn(s.endsOn());
        r.setTimeZone(s.zone().getId());
        r.setFocus(s.focus());
        r.setWeekdays(s.template().weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
        r.setStartTimes(s.template().startTimes().stream().sorted().map(LocalTime::toString).collect(Collectors.joining(",")));
        r.setWindowMinutes((int) s.template().duration().toMinutes());
        r.setCapacity(s.template().capacity());
        r.setBlackoutDates(s.blackoutDates().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(",")));
        r.setMinNoticeBusinessDays(s.minNoticeBusinessDays());
        r.setHorizonDays(s.horizonDays());
        r.setCancelCutoffHours(s.cancelCutoffHours());
        r.setStatus(s.status());
        r.setCapacityFromStaffing(s.capacityFromStaffing());
        r.setMaxBookingsPerOrg(s.maxBookingsPerOrganization());
        r.setAllowParallel(s.allowParallel());
        r.changed(SPIKE.ID, false);
        r.changed(SPIKE.CREATED_AT, false);
        return r;
    }

    static Spike spike(SpikeRecord r) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(r.getWeekdays().split(",")).filter(d -> !d.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        List<LocalTime> times = Arrays.stream(r.getStartTimes().split(",")).filter(t -> !t.isBlank())
                .map(LocalTime::parse).toList();
        Set<LocalDate> blackout = Arrays.stream(r.getBlackoutDates().split(",")).filter(d -> !d.isBlank())
                .map(LocalDate::parse).collect(Collectors.toSet());
        return new Spike(r.getId(), r.getName(), r.getDescriptionMd(), r.getDescriptionHtml(), r.getStartsOn(),
                r.getEndsOn(), ZoneId.of(r.getTimeZone()), r.getFocus(),
                new WindowTemplate(days, times, Duration.ofMinutes(r.getWindowMinutes()), r.getCapacity()),
                blackout, r.getMinNoticeBusinessDays(), r.getHorizonDays(), r.getCancelCutoffHours(),
                r.getStatus(), r.getCapacityFromStaffing(),
                r.getMaxBookingsPerOrg(), r.getAllowParallel());
    }

    static SpikeWindow window(SpikeWindowRecord r) {
        return new SpikeWindow(r.getId(), r.getSpikeId(), r.getStartsAt().toInstant(), r.getEndsAt().toInstant(),
                r.getCapacity(), r.getBooked());
    }
}

package ltsportal.spikes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/** A period with extra support staff on hand for upgrades, and the rules for booking into it. */
public record Spike(long id, String name, String descriptionMarkdown, String descriptionHtml, LocalDate startsOn,
                   LocalDate endsOn, ZoneId zone, String focus, WindowTemplate template, Set<LocalDate> blackoutDates,
                   int minNoticeBusinessDays, int horizonDays, int cancelCutoffHours, Status status,
                   boolean capacityFromStaffing, int maxBookingsPerOrganization, boolean allowParallel) {

    /** "17 June 2026 to 30 June 2026": the spike's days as people read them. */
    public String dates() {
        return ltsportal.web.DateText.absoluteDate(startsOn) + " to " + ltsportal.web.DateText.absoluteDate(endsOn);
    }

    /** How many active bookings an organization holds in a spike unless the manager says otherwise. */
    public static final int DEFAULT_MAX_BOOKINGS_PER_ORGANIZATION = 2;

    /** The longest spike name: the column's width. */
    public static final int NAME_MAX = 120;

    /** A spike whose windows never overlap. */
    public Spike(long id, String name, String descriptionMarkdown, String descriptionHtml, LocalDate startsOn,
                 LocalDate endsOn, ZoneId zone, String focus, WindowTemplate template, Set<LocalDate> blackoutDates,
                 int minNoticeBusinessDays, int horizonDays, int cancelCutoffHours, Status status,
                 boolean capacityFromStaffing, int maxBookingsPerOrganization) {
        this(id, name, descriptionMarkdown, descriptionHtml, startsOn, endsOn, zone, focus, template, blackoutDates,
                minNoticeBusinessDays, horizonDays, cancelCutoffHours, status, capacityFromStaffing, maxBookingsPerOrganization, false);
    }

    /** A spike whose windows take their capacity from the template. */
    public Spike(long id, String name, String descriptionMarkdown, String descriptionHtml, LocalDate startsOn,
                 LocalDate endsOn, ZoneId zone, String focus, WindowTemplate template, Set<LocalDate> blackoutDates,
                 int minNoticeBusinessDays, int horizonDays, int cancelCutoffHours, Status status) {
        this(id, name, descriptionMarkdown, descriptionHtml, startsOn, endsOn, zone, focus, template, blackoutDates,
                minNoticeBusinessDays, horizonDays, cancelCutoffHours, status, false, DEFAULT_MAX_BOOKINGS_PER_ORGANIZATION, false);
    }

    public enum Status {
        DRAFT, OPEN, CLOSED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How jOOQ reads and writes {@code spike.status}, so that code only ever handles the enum. */
        public static final class Column extends ltsportal.web.KeyColumn<Status> {
            public Column() {
                super(Status.class);
            }
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}

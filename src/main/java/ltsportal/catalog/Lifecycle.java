package ltsportal.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The status rules, all in one place, with endoflife.date's end-date semantics: a phase runs through its end
 * date and is over from the day after ({@code is_eol = today > eol}). A line is upcoming before its release
 * date, maintained from its release date through its end of active support, gets security fixes only from
 * the day after through its end of maintenance, and is end of life from the day after that. An LTS line is in
 * long-term support from the day after its end of active support through its LTS end (the portal's overlay).
 * "Ending soon" uses endoflife.date's thresholds for GitLab (its products/gitlab.md): a phase is ending soon
 * from {@value #ACTIVE_SUPPORT_WARN_DAYS} days (active support) or {@value #EOL_WARN_DAYS} days (the last supported
 * phase) before its end date, through the end date itself.
 */
public final class Lifecycle {
    /** endoflife.date's {@code activeSupportWarnThreshold} for GitLab, in days. */
    public static final int ACTIVE_SUPPORT_WARN_DAYS = 20;
    /** endoflife.date's {@code eolWarnThreshold} for GitLab, in days. */
    public static final int EOL_WARN_DAYS = 60;

    private Lifecycle() {
    }

    public static LineStatus status(ReleaseLine line, LocalDate day) {
        Cell active = cell(line.eoas(), day, ACTIVE_SUPPORT_WARN_DAYS);
        Cell maintenance = cell(line.supportEnds(), day, EOL_WARN_DAYS);
        if (day.isBefore(line.releaseDate())) {
            return new LineStatus(line, day, Phase.UPCOMING, false, line.releaseDate(), active, maintenance);
        }
        if (!day.isAfter(line.eoas())) {
            return new LineStatus(line, day, Phase.MAINTAINED, false, line.eoas(), active, maintenance);
        }
        if (!day.isAfter(line.supportEnds())) {
            Phase phase = line.lts() ? Phase.LTS : Phase.SECURITY_ONLY;
            return new LineStatus(line, day, phase, endingSoon(line.supportEnds(), day, EOL_WARN_DAYS), line.supportEnds(), active, maintenance);
        }
        return new LineStatus(line, day, Phase.END_OF_LIFE, false, null, active, maintenance);
    }

    /** A phase's table cell: past from the day after its end date, ending soon within {@code warnDays} of it. */
    public static Cell cell(LocalDate phaseEnd, LocalDate day, int warnDays) {
        if (day.isAfter(phaseEnd)) {
            return Cell.PAST;
        }
        return endingSoon(phaseEnd, day, warnDays) ? Cell.ENDING_SOON : Cell.AHEAD;
    }

    /** True from {@code warnDays} days before the end date through the end date. */
    static boolean endingSoon(LocalDate phaseEnd, LocalDate day, int warnDays) {
        return !day.isAfter(phaseEnd) && ChronoUnit.DAYS.between(day, phaseEnd) <= warnDays;
    }
}

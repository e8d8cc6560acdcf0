package ltsportal.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The status rules, all in one place. Phases are half-open: a line is maintained from its release
 * date up to (not including) its end of active support, gets security fixes only from then up to its
 * end of maintenance, and is end of life from that day on. An LTS line is in long-term support from
 * its end of active support until its LTS end. "Ending soon" follows endoflife.date: within the
 * lesser of a third of the phase and four months of its end.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    public static LineStatus status(ReleaseLine line, LocalDate day) {
        if (day.isBefore(line.releaseDate())) {
            return new LineStatus(line, day, Phase.UPCOMING, false, line.releaseDate());
        }
        if (day.isBefore(line.eoas())) {
            return new LineStatus(line, day, Phase.MAINTAINED, false, line.eoas());
        }
        if (day.isBefore(line.supportEnds())) {
            Phase phase = line.lts() ? Phase.LTS : Phase.SECURITY_ONLY;
            boolean soon = endingSoon(line.eoas(), line.supportEnds(), day);
            return new LineStatus(line, day, phase, soon, line.supportEnds());
        }
        return new LineStatus(line, day, Phase.END_OF_LIFE, false, null);
    }

    public static Cell cell(LocalDate phaseStart, LocalDate phaseEnd, LocalDate day) {
        if (!day.isBefore(phaseEnd)) {
            return Cell.PAST;
        }
        return endingSoon(phaseStart, phaseEnd, day) ? Cell.ENDING_SOON : Cell.AHEAD;
    }

    /** True from the first day of the "ending soon" stretch up to the day before the end. */
    static boolean endingSoon(LocalDate phaseStart, LocalDate phaseEnd, LocalDate day) {
        if (!day.isBefore(phaseEnd)) {
            return false;
        }
        long phaseDays = ChronoUnit.DAYS.between(phaseStart, phaseEnd);
        long fourMonthsDays = ChronoUnit.DAYS.between(phaseEnd.minusMonths(4), phaseEnd);
        long threshold = Math.min(phaseDays / 3, fourMonthsDays);
        return !day.isBefore(phaseEnd.minusDays(threshold));
    }
}

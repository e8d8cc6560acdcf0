package ltsportal.catalog;

import java.time.LocalDate;

/**
 * A release line's status on one day, as {@link Lifecycle#status} works it out. {@code endingSoon} is set when the
 * line's last supported phase is close to its end, which the portal reports as the status "ending-soon".
 *
 * @param activeSupportCell colour of the active-support cell: its phase runs from release to end of active support
 * @param maintenanceCell   colour of the maintenance cell: its phase runs from end of active support to the end of all fixes
 */
public record LineStatus(ReleaseLine line, LocalDate day, Phase phase, boolean endingSoon, LocalDate phaseEnds, Cell activeSupportCell,
                         Cell maintenanceCell) {

    public String key() {
        return endingSoon ? "ending-soon" : phase.key();
    }

    public String label() {
        return endingSoon ? phase.label() + ", ending soon" : phase.label();
    }

    public boolean supported() {
        return phase.supported();
    }
}

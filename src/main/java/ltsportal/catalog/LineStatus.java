package ltsportal.catalog;

import java.time.LocalDate;

/**
 * A release line's status on one day. {@code endingSoon} is set when the line's last supported
 * phase is close to its end, which the portal reports as the status "ending-soon".
 */
public record LineStatus(ReleaseLine line, LocalDate day, Phase phase, boolean endingSoon, LocalDate phaseEnds) {

    public String key() {
        return endingSoon ? "ending-soon" : phase.key();
    }

    public String label() {
        return endingSoon ? phase.label() + ", ending soon" : phase.label();
    }

    public boolean supported() {
        return phase.supported();
    }

    /** Colour of the active-support cell: its phase runs from release to end of active support. */
    public Cell activeSupportCell() {
        return Lifecycle.cell(line.eoas(), day, Lifecycle.ACTIVE_SUPPORT_WARN_DAYS);
    }

    /** Colour of the maintenance cell: its phase runs from end of active support to the end of all fixes. */
    public Cell maintenanceCell() {
        return Lifecycle.cell(line.supportEnds(), day, Lifecycle.EOL_WARN_DAYS);
    }
}

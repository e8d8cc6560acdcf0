package ltsportal.catalog;

import java.time.LocalDate;

/**
 * One GitLab release line (a minor such as 18.11) with its lifecycle dates, read from
 * {@code content/gitlab/releases/<cycle>.md}. {@code eol} is the regular end of maintenance;
 * an LTS line is maintained until {@code ltsEnd} instead.
 */
public record ReleaseLine(
        Version version,
        LocalDate releaseDate,
        LocalDate eoas,
        LocalDate eol,
        boolean lts,
        LocalDate ltsEnd,
        Version latest,
        LocalDate latestReleaseDate,
        String notesHtml) {

    public String name() {
        return version.lineName();
    }

    /** The day from which the line gets no fixes at all. */
    public LocalDate supportEnds() {
        return lts ? ltsEnd : eol;
    }
}

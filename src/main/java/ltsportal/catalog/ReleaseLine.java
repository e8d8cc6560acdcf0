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

    /**
     * The notes for a page that shows several lines' notes (a plan): every heading id and in-page link made unique
     * to this line ({@code what-changes} becomes {@code gitlab-18-11-what-changes}), so the page keeps unique ids.
     */
    public String notesHtmlEmbedded() {
        String prefix = "gitlab-" + name().replace('.', '-') + "-";
        return notesHtml.replaceAll(" id=\"([^\"]+)\"", " id=\"" + prefix + "$1\"")
                .replaceAll(" href=\"#([^\"]+)\"", " href=\"#" + prefix + "$1\"");
    }

    /** The day from which the line gets no fixes at all. */
    public LocalDate supportEnds() {
        return lts ? ltsEnd : eol;
    }
}

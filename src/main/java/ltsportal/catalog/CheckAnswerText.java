package ltsportal.catalog;

import java.util.ArrayList;
import java.util.List;
import ltsportal.web.DateText;

/** The support check's answer in plain words, for the home page. */
public record CheckAnswerText(String tone, String headline, List<String> details, String nextLabel, String nextHref) {

    /** GitLab's own list of releases, for versions newer than the portal's data. */
    static final String RELEASES = "https://about.gitlab.com/releases/categories/releases/";

    public static CheckAnswerText of(SupportCheck.Answer answer, DateText dates, Catalog catalog) {
        if (answer instanceof SupportCheck.Malformed m) {
            return new CheckAnswerText("info", "We could not read \u201c" + m.input() + "\u201d as a GitLab version.",
                    List.of("Type the version you run, for example 17.3, 17.3.7 or v17.3.7-ee. "
                            + "Admin > Overview > Dashboard in GitLab shows it."),
                    null, null);
        }
        if (answer instanceof SupportCheck.UnknownLine u) {
            if (u.olderThanCatalog()) {
                return new CheckAnswerText("bad", "GitLab " + u.version() + " is no longer supported.",
                        List.of("It is older than " + u.oldest().name()
                                + ", the oldest release line we track, and that line reached its end of life "
                                + dates.relative(u.oldest().supportEnds()) + "."),
                        "See every release line", "/gitlab");
            }
            return new CheckAnswerText("info", "GitLab " + u.version() + " is not in our catalog yet.",
                    List.of("The newest release line we know is " + u.newest().name() + ", released "
                            + dates.absolute(u.newest().releaseDate()) + "."),
                    "See every release line", "/gitlab");
        }
        var k = (SupportCheck.Known) answer;
        LineStatus s = k.status();
        ReleaseLine line = k.line();
        if (k.newerThanData()) {
            return new CheckAnswerText("info", "GitLab " + k.version() + " is as new as our data goes, or newer.",
                    List.of("Our release data is as of " + dates.absolute(catalog.product().dataAsOf()) + ", and the newest release"
                                    + " it knows is " + catalog.newest().latest() + ". So we recommend no upgrade: we cannot tell"
                                    + " whether GitLab has shipped something newer since, or when your line's support ends.",
                            "GitLab's own release list has the newest releases."),
                    "GitLab's releases", RELEASES);
        }
        List<String> details = new ArrayList<>();
        String headline;
        String tone;
        switch (s.phase()) {
            case UPCOMING -> {
                tone = "info";
                headline = "GitLab " + line.name() + " is not released yet.";
                details.add("It is due " + dates.absolute(line.releaseDate()) + ".");
            }
            case END_OF_LIFE -> {
                tone = "bad";
                headline = "GitLab " + k.version() + " is no longer supported.";
                details.add("The " + line.name() + " line stopped getting fixes on "
                        + dates.absolute(line.supportEnds()) + " (" + dates.relative(line.supportEnds()) + ").");
                if (line.supportEnds().isAfter(catalog.product().dataAsOf())) {
                    // The end came after the data was gathered: say how old the data is, it may have missed news.
                    details.add("That end date comes from release data as of " + dates.absolute(catalog.product().dataAsOf())
                            + ", before it: check GitLab's releases for anything newer.");
                }
            }
            default -> {
                tone = s.endingSoon() ? "warn" : "good";
                headline = "GitLab " + k.version() + " is supported: " + s.phase().label().toLowerCase(java.util.Locale.ROOT) + ".";
                details.add("The " + line.name() + " line gets " + s.phase().meaning() + " until "
                        + dates.absolute(line.supportEnds()) + " (" + dates.relative(line.supportEnds()) + ").");
                if (s.phase() == Phase.MAINTAINED) {
                    details.add("Bug fixes stop on " + dates.absolute(line.eoas()) + ".");
                }
                if (s.endingSoon()) {
                    details.add("That is soon: plan your upgrade now.");
                }
            }
        }
        if (!k.patchKnown()) {
            details.add("We do not know patch " + k.version() + "; the newest patch we know is " + line.latest() + ".");
        } else if (k.onLatestPatch()) {
            details.add("You run the newest patch of the line, " + line.latest() + ".");
        } else {
            details.add("The newest patch of the line is " + line.latest() + ", released "
                    + dates.absolute(line.latestReleaseDate()) + ".");
        }
        Version target = k.recommendedTarget();
        String nextLabel = null;
        String nextHref = null;
        if (target != null) {
            details.add("We recommend upgrading to " + target + ".");
            nextLabel = "Plan the upgrade to " + target;
            nextHref = "/gitlab/plan?from=" + k.version() + "&to=" + target;
        }
        return new CheckAnswerText(tone, headline, List.copyOf(details), nextLabel, nextHref);
    }
}

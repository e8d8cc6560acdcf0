package ltsportal.catalog;

import java.time.LocalDate;

/** Release lines made up for unit tests, so boundaries are plain to see. */
final class Lines {
    private Lines() {
    }

    static ReleaseLine regular(String cycle, String release, String eoas, String eol) {
        Version v = Version.parse(cycle).orElseThrow();
        return new ReleaseLine(v, LocalDate.parse(release), LocalDate.parse(eoas), LocalDate.parse(eol),
                false, null, new Version(v.major(), v.minor(), 3), LocalDate.parse(release), "");
    }

    static ReleaseLine lts(String cycle, String release, String eoas, String eol, String ltsEnd) {
        Version v = Version.parse(cycle).orElseThrow();
        return new ReleaseLine(v, LocalDate.parse(release), LocalDate.parse(eoas), LocalDate.parse(eol),
                true, LocalDate.parse(ltsEnd), new Version(v.major(), v.minor(), 3), LocalDate.parse(release), "");
    }
}

package ltsportal.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitLab version as customers type it: {@code 17.3}, {@code 17.3.7}, {@code v17.3.7-ee},
 * {@code 17.3.7-ee.0} (the package version), with surrounding blanks. A missing patch means
 * "this release line".
 */
public record Version(int major, int minor, Integer patch) implements Comparable<Version> {

    private static final Pattern FORM = Pattern.compile(
            "v?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?(?:-(?:ee|ce)(?:\\.\\d{1,3})?)?",
            Pattern.CASE_INSENSITIVE);

    public Version {
        if (major < 0 || minor < 0 || (patch != null && patch < 0)) {
            throw new IllegalArgumentException("version parts cannot be negative");
        }
    }

    public static Optional<Version> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer patch = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
    }

    /** Parses a version that must carry a patch, as in content files. */
    public static Optional<Version> parsePatch(String text) {
        return parse(text).filter(Version::hasPatch);
    }

    public boolean hasPatch() {
        return patch != null;
    }

    /** The release line, such as {@code 17.3}. */
    public String lineName() {
        return major + "." + minor;
    }

    public Version lineOnly() {
        return new Version(major, minor, null);
    }

    public boolean sameLine(Version other) {
        return major == other.major && minor == other.minor;
    }

    /** Line-only versions sort before every patch of their line. */
    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch == null ? -1 : patch, o.patch == null ? -1 : o.patch);
        }
        return c;
    }

    public boolean isBefore(Version o) {
        return compareTo(o) < 0;
    }

    public boolean isAfter(Version o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return patch == null ? lineName() : lineName() + "." + patch;
    }
}

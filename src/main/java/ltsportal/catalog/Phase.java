package ltsportal.catalog;

/** Where a release line stands in its life. */
public enum Phase {
    UPCOMING("upcoming", "Upcoming", "not released yet"),
    MAINTAINED("maintained", "Maintained", "bug and security fixes"),
    SECURITY_ONLY("security-only", "Security fixes only", "security fixes, no more bug fixes"),
    LTS("lts", "Long-term support", "security and critical fixes under the portal's LTS policy"),
    END_OF_LIFE("eol", "End of life", "no fixes of any kind");

    private final String key;
    private final String label;
    private final String meaning;

    Phase(String key, String label, String meaning) {
        this.key = key;
        this.label = label;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public boolean supported() {
        return this == MAINTAINED || this == SECURITY_ONLY || this == LTS;
    }
}

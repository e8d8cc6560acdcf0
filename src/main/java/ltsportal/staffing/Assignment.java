package ltsportal.staffing;

import java.time.Instant;
import java.util.Locale;

/** An engineer on a booking as its primary or backup; a removed one stays for the engineer's calendar. */
public record Assignment(long id, long bookingId, long engineerId, String engineerName, Role role, String source,
                         Instant createdAt, Instant removedAt) {

    public enum Role {
        PRIMARY, BACKUP;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Role> of(String key) {
            return java.util.Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
        }
    }

    /** Why the assignment was made: by hand, from a suggestion, or by auto-assign. */
    public static final String MANUAL = "manual";
    public static final String SUGGESTION = "suggestion";
    public static final String AUTO = "auto-assign";

    public boolean active() {
        return removedAt == null;
    }
}

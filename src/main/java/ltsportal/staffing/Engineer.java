package ltsportal.staffing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import ltsportal.accounts.Role;

/**
 * Someone who takes upgrade windows (an engineer, or a manager who does): their zone, skills, how
 * many bookings they take at once, and when they were last assigned (for fair suggestions).
 */
public record Engineer(long id, String name, String email, ZoneId zone, Role role, boolean disabled, Set<Skill> skills,
                       int maxConcurrent, Instant lastAssignedAt) {
    public static final int MAX_CONCURRENT_LIMIT = 10;

    public String skillKeys() {
        return skills.stream().map(Skill::key).collect(Collectors.joining(", "));
    }

    public boolean has(Skill skill) {
        return skills.contains(skill);
    }
}

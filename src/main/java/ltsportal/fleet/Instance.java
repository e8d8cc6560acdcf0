package ltsportal.fleet;

import java.time.Instant;

/**
 * One GitLab instance a customer organization runs: its current version (typed or checked in), how it is
 * deployed, and whether a check-in token exists (the token itself is never stored, only its hash).
 */
public record Instance(long id, long orgId, String orgName, String name, String version, String deployment, String edition,
                       String topology, boolean geo, String note, boolean hasToken, Instant checkedInAt, Instant updatedAt) {
}

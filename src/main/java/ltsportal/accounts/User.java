package ltsportal.accounts;

import java.time.ZoneId;

/** A signed-up customer or a staff member. Customers belong to an organization; staff do not. */
public record User(long id, String email, String displayName, String timeZone, Role role, Long orgId,
                   String orgName, boolean disabled) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean staff() {
        return role != Role.CUSTOMER;
    }

    public String roleKey() {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package ltsportal.spikes;

import static ltsportal.db.Tables.BOOKING;

import ltsportal.accounts.Landing;
import ltsportal.accounts.User;
import org.jooq.DSLContext;

/**
 * After signing in: customers land on their organization's bookings, or on the open spikes when it holds none;
 * engineers on the bookings they are on; managers on the bookings waiting for confirmation; admins on the users.
 */
public final class BookingLanding implements Landing {
    private final DSLContext db;

    public BookingLanding(DSLContext db) {
        this.db = db;
    }

    @Override
    public String pathFor(User user) {
        return switch (user.role()) {
            case ADMIN -> "/admin/users";
            case MANAGER -> "/bookings?status=requested";
            case ENGINEER -> "/bookings?mine=true";
            case CUSTOMER -> user.orgId() != null && db.fetchExists(BOOKING, BOOKING.ORG_ID.eq(user.orgId()),
                    BOOKING.STATUS.in(BookingStatus.ACTIVE)) ? "/bookings" : "/spikes";
            default -> "/account";
        };
    }
}

package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A constraint that fires is logged by its name, as each database words it. */
class ErrorsTest {
    @Test
    void findsTheConstraintNameInPostgreSqlsWords() {
        var e = new RuntimeException("update failed", new SQLException(
                "ERROR: duplicate key value violates unique constraint \"uq_spike_window_start\"", "23505"));
        assertEquals("uq_spike_window_start", Errors.constraintName(e));
    }

    @Test
    void findsTheConstraintNameInH2sWords() {
        assertEquals("uq_spike_window_start", Errors.constraintName(new SQLException(
                "Unique index or primary key violation: \"PUBLIC.UQ_SPIKE_WINDOW_START_INDEX_8 ON PUBLIC.SPIKE_WINDOW(SPIKE_ID"
                        + " NULLS FIRST, STARTS_AT NULLS FIRST) VALUES ( /* 2 */ CAST(1 AS BIGINT), ...)\"")));
        assertEquals("fk_booking_window", Errors.constraintName(new SQLException(
                "Referential integrity constraint violation: \"FK_BOOKING_WINDOW: PUBLIC.BOOKING FOREIGN KEY(WINDOW_ID)"
                        + " REFERENCES PUBLIC.SPIKE_WINDOW(ID) (CAST(3 AS BIGINT))\"")));
        assertEquals("ck_spike_window_capacity", Errors.constraintName(new SQLException(
                "Check constraint violation: \"CK_SPIKE_WINDOW_CAPACITY: (BOOKED <= CAPACITY)\"")));
    }

    @Test
    void saysSoWhenNoNameIsGiven() {
        assertEquals("(unnamed)", Errors.constraintName(new SQLException("constraint violated")));
    }
}

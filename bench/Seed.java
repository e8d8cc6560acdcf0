import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/run's data, written straight into the running portal's H2 file database (AUTO_SERVER): rows are
 * copies of the demo's own rows, so they pass every constraint the portal's would.
 * <pre>
 *   java -cp h2.jar bench/Seed.java URL bookings N    N more bookings, 4 a window, windows 6 h apart back from 2026, in a closed "bench" spike
 *   java -cp h2.jar bench/Seed.java URL audit N       N more audit events, a second apart, older than the demo's
 *   java -cp h2.jar bench/Seed.java URL customers N   N approved organizations with a customer each
 *                                                      (bench1@bench.test ..., the demo customer's password)
 *   java -cp h2.jar bench/Seed.java URL check         windows over capacity, and windows whose counter is not
 *                                                      their active bookings ("over=0 miscounted=0")
 * </pre>
 */
public class Seed {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.setAutoCommit(false);
            switch (args[1]) {
                case "bookings" -> bookings(c, Integer.parseInt(args[2]));
                case "audit" -> audit(c, Integer.parseInt(args[2]));
                case "customers" -> customers(c, Integer.parseInt(args[2]));
                case "check" -> check(c);
                default -> throw new IllegalArgumentException(args[1]);
            }
            c.commit();
        }
    }

    private static void bookings(Connection c, int n) throws SQLException {
        long spike = scalar(c, "SELECT id FROM spike WHERE name = 'bench'");
        if (spike == 0) {
            copy(c, "spike", scalar(c, "SELECT MIN(id) FROM spike"), "", Map.of("name", "'bench'", "status", "'closed'"));
            spike = scalar(c, "SELECT id FROM spike WHERE name = 'bench'");
        }
        long offset = scalar(c, "SELECT COUNT(*) FROM spike_window WHERE spike_id = " + spike);
        int windows = (n + 3) / 4;
        copy(c, "spike_window", scalar(c, "SELECT MIN(id) FROM spike_window"), ", SYSTEM_RANGE(1, " + windows + ") r",
                Map.of("spike_id", String.valueOf(spike),
                        "starts_at", "DATEADD(HOUR, -6 * (r.X + " + offset + "), TIMESTAMP WITH TIME ZONE '2026-01-05 08:00:00+00')",
                        "ends_at", "DATEADD(HOUR, -6 * (r.X + " + offset + ") + 4, TIMESTAMP WITH TIME ZONE '2026-01-05 08:00:00+00')",
                        "capacity", "4", "booked", "4"));
        long source = scalar(c, "SELECT MIN(id) FROM booking");
        copy(c, "booking", source, ", (SELECT id AS wid, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM spike_window WHERE spike_id = "
                        + spike + " AND id > (SELECT COALESCE(MAX(window_id), 0) FROM booking WHERE spike_id = " + spike + ")) w, SYSTEM_RANGE(1, 4) r",
                Map.of("spike_id", String.valueOf(spike), "window_id", "w.wid",
                        "idempotency_key", "'bench-' || w.wid || '-' || r.X",
                        "instance_name", "'gitlab-' || w.wid || '-' || r.X || '.bench.test'",
                        "status", "CASE WHEN MOD(w.rn, 10) = 0 THEN 'requested' ELSE 'confirmed' END",
                        "series_id", "NULL"));
        System.out.println("bookings: " + scalar(c, "SELECT COUNT(*) FROM booking"));
    }

    private static void audit(Connection c, int n) throws SQLException {
        long offset = scalar(c, "SELECT COUNT(*) FROM audit_event WHERE subject LIKE 'bench %'");
        try (var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_event (occurred_at, event, actor_email, subject, detail, ip, repeats)"
                    + " SELECT DATEADD(SECOND, -(X + " + offset + "), TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),"
                    + " CASE MOD(X, 3) WHEN 0 THEN 'login.success' WHEN 1 THEN 'booking.created' ELSE 'spike.changed' END,"
                    + " 'manager@demo.test', 'bench ' || (X + " + offset + "), 'seeded by bench/Seed.java', '127.0.0.1', 1"
                    + " FROM SYSTEM_RANGE(1, " + n + ")");
        }
        System.out.println("audit events: " + scalar(c, "SELECT COUNT(*) FROM audit_event"));
    }

    private static void customers(Connection c, int n) throws SQLException {
        long org = scalar(c, "SELECT org_id FROM app_user WHERE email_key = 'customer@demo.test'");
        copy(c, "organization", org, ", SYSTEM_RANGE(1, " + n + ") r",
                Map.of("name", "'Bench Org ' || r.X", "name_key", "'bench org ' || r.X", "name_skeleton", "'benchorg' || r.X",
                        "status", "'approved'"));
        copy(c, "app_user", scalar(c, "SELECT id FROM app_user WHERE email_key = 'customer@demo.test'"),
                ", (SELECT id AS oid, SUBSTRING(name_key, 11) AS k FROM organization WHERE name_key LIKE 'bench org %') o",
                Map.of("email", "'bench' || o.k || '@bench.test'", "email_key", "'bench' || o.k || '@bench.test'",
                        "display_name", "'Bench ' || o.k", "org_id", "o.oid"));
        System.out.println("customers: " + scalar(c, "SELECT COUNT(*) FROM app_user WHERE email_key LIKE '%@bench.test'"));
    }

    private static void check(Connection c) throws SQLException {
        String active = "SELECT COUNT(*) FROM booking b WHERE b.window_id = w.id AND b.status <> 'cancelled'";
        System.out.println("over=" + scalar(c, "SELECT COUNT(*) FROM spike_window w WHERE (" + active + ") > w.capacity")
                + " miscounted=" + scalar(c, "SELECT COUNT(*) FROM spike_window w WHERE (" + active + ") <> w.booked"));
    }

    /** INSERT INTO table (every column but id) SELECT the source row's values, or the override's expression. */
    private static void copy(Connection c, String table, long sourceId, String joins, Map<String, String> overrides) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
                + " AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, table.toUpperCase());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!r.getString(1).equalsIgnoreCase("id")) {
                        columns.add(r.getString(1).toLowerCase());
                    }
                }
            }
        }
        StringBuilder values = new StringBuilder();
        for (String col : columns) {
            values.append(values.length() == 0 ? "" : ", ").append(overrides.getOrDefault(col, "t." + col));
        }
        try (var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM " + table
                    + " t" + joins + " WHERE t.id = " + sourceId);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}

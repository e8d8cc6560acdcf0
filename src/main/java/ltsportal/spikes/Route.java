package ltsportal.spikes;

import java.util.List;

/**
 * The plan a booking keeps beyond its two versions: the path hop by hop (stored as rows), the conditional stops
 * the customer said apply (their keys, comma-separated as the planner takes them) and the zero-downtime choice.
 */
public record Route(List<String> path, String conditions, boolean zeroDowntime) {

    /** A path with no conditions ticked and downtime allowed: what bookings made before the choices existed carry. */
    public static Route of(List<String> path) {
        return new Route(path, "", false);
    }
}

package ltsportal.planner;

/** What a customer asks the planner, as typed: nothing here is trusted yet. */
public record PlanRequest(String from, String to, String conditions, boolean zeroDowntime) {

    public PlanRequest {
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
        conditions = conditions == null ? "" : conditions.strip();
    }
}

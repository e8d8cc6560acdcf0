package ltsportal.planner;

/** Why the planner cannot answer, tied to the form field that needs changing. */
public record Refusal(String field, String message) {
}

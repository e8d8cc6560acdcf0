package ltsportal.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one way a handler reads what a user submitted: fields read by name (nothing else in the
 * request has any effect), trimmed, and checked with a message per field. A form record binds its
 * fields from here, runs its checks, and the page shows the record again with {@link #errors()}
 * next to each field, answering {@link #INVALID}.
 *
 * <pre>
 * var in = Form.of(ctx);
 * var form = new ProfileForm(in.text("name"), in.text("timeZone"));
 * in.required("name", form.name(), 120, "Give your name (at most 120 characters).");
 * </pre>
 */
public final class Form {
    /** The status of a page shown again because its form did not pass its checks. */
    public static final int INVALID = 400;

    private final Function<String, String> single;
    private final Function<String, List<String>> multiple;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Form(Function<String, String> single, Function<String, List<String>> multiple) {
        this.single = single;
        this.multiple = multiple;
    }

    /** A submitted form (the request body). */
    public static Form of(Context ctx) {
        return new Form(ctx::formParam, ctx::formParams);
    }

    /** A form sent with GET (the query string), such as a search or the planner. */
    public static Form ofQuery(Context ctx) {
        return new Form(ctx::queryParam, ctx::queryParams);
    }

    /** Fields given directly, for tests and for forms built from stored values. */
    public static Form of(Map<String, String> fields) {
        return new Form(fields::get, name -> fields.containsKey(name) ? List.of(fields.get(name)) : List.of());
    }

    /** The field as typed, without the white space around it; empty when absent. */
    public String text(String field) {
        String v = single.apply(field);
        return v == null ? "" : v.strip();
    }

    /** The field exactly as typed (passwords: every character counts); empty when absent. */
    public String exact(String field) {
        String v = single.apply(field);
        return v == null ? "" : v;
    }

    /** Every value of a repeated field (checkboxes), trimmed, without empty ones. */
    public List<String> all(String field) {
        return multiple.apply(field).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Records {@code message} on {@code field} unless {@code ok}; the first message of a field wins. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            errors.putIfAbsent(field, message);
        }
        return ok;
    }

    /** A value that must be given, of at most {@code max} characters. */
    public boolean required(String field, String value, int max, String message) {
        return check(!value.isEmpty() && value.length() <= max, field, message);
    }

    /** A value that may be empty, of at most {@code max} characters. */
    public boolean atMost(String field, String value, int max, String message) {
        return check(value.length() <= max, field, message);
    }

    /** A whole number from {@code min} to {@code max}; null (and the message) otherwise. */
    public Integer number(String field, String value, int min, int max, String message) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // not a number: the message says what is expected
        }
        check(false, field, message);
        return null;
    }

    /** A day as YYYY-MM-DD; null (and the message) otherwise. */
    public LocalDate date(String field, String value, String message) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            check(false, field, message);
            return null;
        }
    }

    /** A time of day as HH:MM (9:00 is read as 09:00); null (and the message) otherwise. */
    public LocalTime time(String field, String value, String message) {
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            check(false, field, message);
            return null;
        }
    }

    /** One of the keys of {@code choices}; null (and the message) otherwise. */
    public <T> T choice(String field, String value, Map<String, T> choices, String message) {
        T chosen = choices.get(value);
        check(chosen != null, field, message);
        return chosen;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The message of each field that did not pass, in the order they were checked. */
    public Map<String, String> errors() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
}

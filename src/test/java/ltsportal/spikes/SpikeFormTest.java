package ltsportal.spikes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import ltsportal.notes.Markdown;
import ltsportal.support.TestPortal;
import ltsportal.web.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spike form's rules, field by field, on the form binder alone (no server): each bad value gets its message at
 * its field. ManageSpikesHttpTest sends one bad form over HTTP and checks it is shown again and saves nothing.
 */
class SpikeFormTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    private static Form checked(Map<String, String> fields) {
        Form in = Form.of(fields);
        SpikeForm.bind(in).check(in, 0, TestPortal.catalog(), new Markdown(), TODAY);
        return in;
    }

    @Test
    void aManagersFormWithEveryFieldRightPasses() {
        Form in = checked(ManageSpikesHttpTest.spikeForm());
        assertTrue(in.valid(), String.valueOf(in.errors()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "name|''|Give the spike a name",
            "startsOn|07/06/2026|Give dates as YYYY-MM-DD",
            "endsOn|2026-07-01|must end on or after",
            "timeZone|Moon/Base|Choose a time zone",
            "focus|42.0|Give the release line",
            "weekdays|FUNDAY|Choose weekdays",
            "startTimes|25:00|Give start times",
            "windowMinutes|5|Windows last 15 to 1440 minutes",
            "capacity|0|Capacity is 1 to 100",
            "blackoutDates|someday|Give dates as YYYY-MM-DD",
            "minNotice|-1|Minimum notice is 0 to 30",
            "horizonDays|9999|The horizon is 1 to 365 days",
            "cancelCutoffHours|x|The cut-off is 0 to 720 hours",
            "status|published|Choose draft, open or closed",
    })
    void eachBadFieldGetsItsMessageAtTheField(String field, String value, String message) {
        Map<String, String> form = ManageSpikesHttpTest.spikeForm();
        form.put(field, value);
        Form in = checked(form);
        assertTrue(!in.valid() && in.errors().getOrDefault(field, "").contains(message), field + ": " + in.errors());
    }
}

package ltsportal.staffing;

import ltsportal.spikes.Booking;
import ltsportal.spikes.BookingStatus;

/** One line of an engineer's schedule: an assignment and its booking, as the schedule page, its feed and the mail show it. */
public record ScheduleEntry(Assignment assignment, Booking booking) {
    public boolean cancelled() {
        return !assignment.active() || booking.status() == BookingStatus.CANCELLED;
    }
}

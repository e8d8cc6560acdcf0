package ltsportal.mail;

/**
 * One message for one recipient, ready for the outbox.
 *
 * @param key      which event and recipient it is for (unique: the same event never yields it twice)
 * @param optional the recipient may turn this kind off (reminders, conversation, lifecycle alerts):
 *                 such messages carry {@code List-Unsubscribe}
 * @param calendar an iCalendar object to attach as {@code text/calendar}, with its {@code method}; or null
 */
public record Letter(String key, String kind, String toEmail, String toName, String subject, String text, String html,
                     String calendar, String calendarMethod, boolean optional) {
}

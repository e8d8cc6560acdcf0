package ltsportal.mail;

import java.util.Arrays;
import java.util.Optional;
import ltsportal.web.KeyColumn;

/** Where a queued message is: waiting, being sent (claimed by a sender), sent, or given up until an admin retries it. */
public enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED;

    public String key() {
        return KeyColumn.key(this);
    }

    /** The status with this key, if there is one (the outbox filter's value as typed). */
    public static Optional<OutboxStatus> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    /** How jOOQ reads and writes {@code outbox_message.status}, so that code only ever handles the enum. */
    public static final class Column extends KeyColumn<OutboxStatus> {
        public Column() {
            super(OutboxStatus.class);
        }
    }
}

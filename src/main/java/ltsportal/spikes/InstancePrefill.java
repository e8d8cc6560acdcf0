package ltsportal.spikes;

import java.util.List;
import ltsportal.accounts.User;

/**
 * The customer's registered instances, as the booking form offers them (a link each fills in the instance's name,
 * version and deployment). Set by the app from the fleet feature, so spikes need not know how instances are kept.
 */
public interface InstancePrefill {
    record Choice(long id, String name, String version, String deployment, String edition, String topology, boolean geo) {
    }

    List<Choice> of(User customer);

}

package ltsportal.spikes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a GitLab instance is installed, as the portal names it everywhere (the booking form, a booking's intake, a
 * registered instance): each key as stored, with the words people read, in the order lists show them.
 */
public final class Installation {
    public static final Map<String, String> DEPLOYMENTS = ordered(
            "linux-package", "Linux package (Omnibus)", "docker", "Docker", "helm", "Helm chart (Kubernetes)",
            "source", "Installed from source");
    public static final Map<String, String> EDITIONS = ordered("ee", "Enterprise Edition", "ce", "Community Edition");
    public static final Map<String, String> TOPOLOGIES = ordered(
            "single-node", "Single node", "multi-node", "Multi-node (own design)",
            "ra-1k", "Reference architecture: 1,000 users", "ra-2k", "Reference architecture: 2,000 users",
            "ra-3k", "Reference architecture: 3,000 users", "ra-5k", "Reference architecture: 5,000 users",
            "ra-10k", "Reference architecture: 10,000 users", "ra-25k", "Reference architecture: 25,000 users",
            "ra-50k", "Reference architecture: 50,000 users");
    public static final Map<String, String> GEO = ordered("no", "No Geo", "yes", "Uses Geo");

    private Installation() {
    }

    /** "Helm chart (Kubernetes) · Enterprise Edition · Reference architecture: 3,000 users · Geo": the keys as people read them. */
    public static String describe(String deployment, String edition, String topology, boolean geo) {
        return DEPLOYMENTS.getOrDefault(deployment, deployment) + " \u00b7 " + EDITIONS.getOrDefault(edition, edition)
                + " \u00b7 " + TOPOLOGIES.getOrDefault(topology, topology) + (geo ? " \u00b7 Geo" : "");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}

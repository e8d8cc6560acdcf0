package ltsportal.fleet;

import ltsportal.catalog.Version;
import ltsportal.notes.Echo;
import ltsportal.spikes.Installation;
import ltsportal.web.Form;

/**
 * The register / edit form of an instance, as typed (kept on the page when refused). The version must be a GitLab
 * version with its patch (a line the data does not know yet is accepted and shown as newer than our data); the
 * choices are the booking form's, so an instance books with what it registered.
 */
public record InstanceForm(String name, String version, String deployment, String edition, String topology, String geo, String note) {
    static final int NOTE_MAX = 1000;

    public static InstanceForm bind(Form in) {
        return new InstanceForm(in.text("name"), in.text("version"), in.text("deployment"), in.text("edition"), in.text("topology"),
                in.text("geo"), in.text("note"));
    }

    public static InstanceForm blank() {
        return new InstanceForm("", "", "linux-package", "ee", "single-node", "no", "");
    }

    public static InstanceForm of(Instance i) {
        return new InstanceForm(i.name(), i.version(), i.deployment(), i.edition(), i.topology(), i.geo() ? "yes" : "no", i.note());
    }

    /** Checks into {@code in}; the values to store when valid, else null. */
    public Instances.Values check(Form in) {
        in.required("name", name, 120, "Name the instance (its URL or hostname), at most 120 characters.");
        String normalised = null;
        if (in.required("version", version, 40, "Give the version it runs, such as 17.3.7.")) {
            var parsed = Version.parsePatch(version);
            if (in.check(parsed.isPresent(), "version", "\u201c" + Echo.clip(version)
                    + "\u201d is not a GitLab version with its patch, such as 17.3.7 or 17.3.7-ee.")) {
                normalised = parsed.get().toString();
            }
        }
        in.check(Installation.DEPLOYMENTS.containsKey(deployment), "deployment", "Choose how GitLab is deployed.");
        in.check(Installation.EDITIONS.containsKey(edition), "edition", "Choose ce or ee.");
        in.check(Installation.TOPOLOGIES.containsKey(topology), "topology", "Choose the topology.");
        in.check(Installation.GEO.containsKey(geo), "geo", "Say whether the instance uses Geo.");
        in.atMost("note", note, NOTE_MAX, "Keep the note to " + NOTE_MAX + " characters.");
        if (!in.valid()) {
            return null;
        }
        return new Instances.Values(name.strip(), normalised, deployment, edition, topology, geo.equals("yes"), note.strip());
    }
}

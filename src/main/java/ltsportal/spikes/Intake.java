package ltsportal.spikes;

/** What support needs to know about an upgrade, as the customer gave it on the intake form. */
public record Intake(String instanceName, String deployment, String edition, String topology, boolean geo,
                     String currentVersion, String targetVersion, String contactName, String contactEmail,
                     String contactPhone, String upgradePlanUrl, String rollbackPlanUrl, String notes) {

    /** "Helm chart (Kubernetes) · Enterprise Edition · Reference architecture: 3,000 users · Geo": the keys as people read them. */
    public String described() {
        return BookingForm.DEPLOYMENTS.getOrDefault(deployment, deployment) + " \u00b7 " + BookingForm.EDITIONS.getOrDefault(edition, edition)
                + " \u00b7 " + BookingForm.TOPOLOGIES.getOrDefault(topology, topology) + (geo ? " \u00b7 Geo" : "");
    }
}

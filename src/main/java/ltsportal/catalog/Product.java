package ltsportal.catalog;

import java.time.LocalDate;

/** What {@code content/gitlab/product.yml} says about the product and its policies. */
public record Product(
        String name,
        String label,
        String category,
        String homepage,
        String releasePolicyUrl,
        String upgradePathsUrl,
        String policy,
        String ltsLabel,
        String ltsRule,
        int ltsMonths,
        LocalDate dataAsOf) {
}

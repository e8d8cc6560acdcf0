package ltsportal.catalog;

import java.time.LocalDate;

final class SupportCheckTestData {
    static final Product PRODUCT = new Product("gitlab", "GitLab", "server-app", "https://a", "https://b",
            "https://c", "policy", "LTS", "rule", 12, LocalDate.parse("2026-08-01"));

    private SupportCheckTestData() {
    }
}

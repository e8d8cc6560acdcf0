package ltsportal;

import java.nio.file.Path;
import ltsportal.catalog.Catalog;
import ltsportal.catalog.ContentLoader;
import ltsportal.notes.Markdown;
import ltsportal.planner.UpgradeContentLoader;
import ltsportal.planner.UpgradeRules;

/** Everything read from content/ at start, validated and with its Markdown already sanitized. */
public record Content(Catalog catalog, UpgradeRules upgradeRules) {

    public static Content load(Path contentDir) {
        Markdown markdown = new Markdown();
        Catalog catalog = new ContentLoader(contentDir, markdown).load();
        return new Content(catalog, new UpgradeContentLoader(contentDir, catalog, markdown).load());
    }
}

package ltsportal.catalog;

import ltsportal.notes.ContentError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import ltsportal.notes.Markdown;
import ltsportal.web.Sha256;
import ltsportal.notes.YamlDocument;

/**
 * Reads and validates {@code content/gitlab/}: product.yml and one Markdown file with YAML front
 * matter per release line. Any problem stops the load with a {@link ContentError} naming the file,
 * the line and the field.
 */
public final class ContentLoader {
    private static final Set<String> PRODUCT_FIELDS = Set.of(
            "name", "label", "category", "links", "policy", "lts", "dataAsOf");
    private static final Set<String> RELEASE_FIELDS = Set.of(
            "cycle", "releaseDate", "eoas", "eol", "lts", "ltsEnd", "latest", "latestReleaseDate");

    private final Path productDir;
    private final Markdown markdown;

    public ContentLoader(Path contentDir, Markdown markdown) {
        this.productDir = contentDir.resolve("gitlab");
        this.markdown = markdown;
    }

    public Catalog load() {
        MessageDigest digest = Sha256.digest();
        Path productFile = productDir.resolve("product.yml");
        String productText = read(productFile, digest);
        Product product = product(YamlDocument.parse(productFile, productText, 0));

        List<ReleaseLine> lines = new ArrayList<>();
        for (Path file : releaseFiles()) {
            lines.add(releaseLine(file, read(file, digest), product));
        }
        if (lines.isEmpty()) {
            throw new ContentError(productDir.resolve("releases"), 1, null, "no release line files (<cycle>.md) found");
        }
        return new Catalog(product, lines, HexFormat.of().formatHex(digest.digest()));
    }

    private List<Path> releaseFiles() {
        Path dir = productDir.resolve("releases");
        if (!Files.isDirectory(dir)) {
            throw new ContentError(dir, 1, null, "directory is missing");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new ContentError(dir, 1, null, "cannot be listed: " + e.getMessage());
        }
    }

    private static String read(Path file, MessageDigest digest) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentError(file, 1, null, "cannot be read: " + e.getMessage());
        }
    }

    private static Product product(YamlDocument doc) {
        doc.onlyFields(PRODUCT_FIELDS);
        YamlDocument links = doc.mapping("links");
        links.onlyFields(Set.of("html", "releasePolicy", "upgradePaths"));
        YamlDocument lts = doc.mapping("lts");
        lts.onlyFields(Set.of("label", "rule", "months"));
        return new Product(
                doc.text("name"), doc.text("label"), doc.text("category"),
                url(links, "html"), url(links, "releasePolicy"), url(links, "upgradePaths"),
                doc.text("policy"),
                lts.text("label"), lts.text("rule"), lts.integer("months", 1, 120),
                doc.date("dataAsOf"));
    }

    private static String url(YamlDocument doc, String field) {
        String url = doc.text(field);
        if (!url.startsWith("https://")) {
            throw doc.error(field, "must be an https:// address");
        }
        return url;
    }

    private ReleaseLine releaseLine(Path file, String text, Product product) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new ContentError(file, 1, null, "must start with a '---' line opening the YAML front matter");
        }
        int close = normalized.indexOf("\n---\n", 3);
        if (close < 0 && normalized.endsWith("\n---")) {
            close = normalized.length() - 4;
        }
        if (close < 0) {
            throw new ContentError(file, 1, null, "front matter is not closed by a '---' line");
        }
        YamlDocument doc = YamlDocument.parse(file, normalized.substring(4, close + 1), 1);
        String body = close + 5 <= normalized.length() ? normalized.substring(close + 5) : "";
        doc.onlyFields(RELEASE_FIELDS);

        String fileCycle = file.getFileName().toString().replaceFirst("\\.md$", "");
        String cycleText = doc.text("cycle");
        Version cycle = Version.parse(cycleText).filter(v -> !v.hasPatch())
                .orElseThrow(() -> doc.error("cycle", "'" + cycleText + "' is not a release line such as 18.11"));
        if (!cycle.lineName().equals(fileCycle)) {
            throw doc.error("cycle", "says " + cycle + " but the file is named " + fileCycle + ".md");
        }
        var releaseDate = doc.date("releaseDate");
        var eoas = doc.date("eoas");
        var eol = doc.date("eol");
        if (!eoas.isAfter(releaseDate)) {
            throw doc.error("eoas", "end of active support must come after the release date " + releaseDate);
        }
        if (eol.isBefore(eoas)) {
            throw doc.error("eol", "end of maintenance must not come before end of active support " + eoas);
        }
        boolean lts = doc.bool("lts", false);
        var ltsEnd = doc.optionalDate("ltsEnd");
        if (lts && ltsEnd == null) {
            throw doc.error("ltsEnd", "is required for an LTS line");
        }
        if (!lts && ltsEnd != null) {
            throw doc.error("ltsEnd", "is only allowed with lts: true");
        }
        if (lts && !ltsEnd.equals(releaseDate.plusMonths(product.ltsMonths()))) {
            throw doc.error("ltsEnd", "must be " + product.ltsMonths() + " months after the release date ("
                    + releaseDate.plusMonths(product.ltsMonths()) + "), as product.yml's LTS rule says");
        }
        String latestText = doc.text("latest");
        Version latest = Version.parsePatch(latestText)
                .orElseThrow(() -> doc.error("latest", "'" + latestText + "' is not a patch version such as 18.11.2"));
        if (!latest.sameLine(cycle)) {
            throw doc.error("latest", latest + " is not a patch of the " + cycle + " line");
        }
        var latestDate = doc.date("latestReleaseDate");
        if (latestDate.isBefore(releaseDate)) {
            throw doc.error("latestReleaseDate", "must not come before the release date " + releaseDate);
        }
        String html;
        try {
            html = markdown.toSafeHtml(body);
        } catch (RuntimeException e) {
            throw new ContentError(file, 1, null, "the Markdown body cannot be rendered: " + e.getMessage());
        }
        return new ReleaseLine(cycle, releaseDate, eoas, eol, lts, ltsEnd, latest, latestDate, html);
    }

}

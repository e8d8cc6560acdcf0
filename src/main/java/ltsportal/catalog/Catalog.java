package ltsportal.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The product and its release lines, newest first, as read from content/ at start. */
public final class Catalog {
    private final Product product;
    private final List<ReleaseLine> lines;
    private final List<ReleaseLine> linesOldestFirst;
    private final Map<String, ReleaseLine> byName;
    private final String contentHash;

    public Catalog(Product product, List<ReleaseLine> lines, String contentHash) {
        this.product = product;
        this.lines = lines.stream().sorted(Comparator.comparing(ReleaseLine::version).reversed()).toList();
        this.linesOldestFirst = this.lines.stream().sorted(Comparator.comparing(ReleaseLine::version)).toList();
        this.byName = this.lines.stream().collect(Collectors.toMap(ReleaseLine::name, Function.identity()));
        this.contentHash = contentHash;
    }

    public Product product() {
        return product;
    }

    /** Newest first. */
    public List<ReleaseLine> lines() {
        return lines;
    }

    public List<ReleaseLine> linesOldestFirst() {
        return linesOldestFirst;
    }

    public Optional<ReleaseLine> line(String cycle) {
        return Optional.ofNullable(byName.get(cycle));
    }

    public Optional<ReleaseLine> line(Version version) {
        return line(version.lineName());
    }

    public ReleaseLine newest() {
        return lines.get(0);
    }

    public ReleaseLine oldest() {
        return lines.get(lines.size() - 1);
    }

    /** A hash of every content file, so instances and caches can tell catalog revisions apart. */
    public String contentHash() {
        return contentHash;
    }
}

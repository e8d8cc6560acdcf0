package ltsportal.notes;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read as nodes, so that every complaint names the file, the line and the field.
 * Values are read as text and converted here; YAML's own type guessing (dates, yes/no) is not used.
 */
public final class YamlDocument {
    private final Path file;
    private final int lineOffset;
    private final MappingNode root;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    private YamlDocument(Path file, int lineOffset, MappingNode root) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.root = root;
        for (NodeTuple tuple : root.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                fields.put(key.getValue(), tuple);
            }
        }
    }

    /** Parses {@code text} whose first line is line {@code lineOffset + 1} of {@code file}. */
    public static YamlDocument parse(Path file, String text, int lineOffset) {
        Node node;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(1_000_000);
            node = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1 + lineOffset;
            throw new ContentError(file, line, null, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ContentError(file, lineOffset + 1, null, "not valid YAML: " + e.getMessage());
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new ContentError(file, lineOffset + 1, null, "expected a YAML mapping of fields");
        }
        return new YamlDocument(file, lineOffset, mapping);
    }

    private YamlDocument child(MappingNode node) {
        return new YamlDocument(file, lineOffset, node);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return root.getStartMark().getLine() + 1 + lineOffset;
    }

    public int lineOf(String field) {
        NodeTuple tuple = fields.get(field);
        return tuple == null ? line() : tuple.getValueNode().getStartMark().getLine() + 1 + lineOffset;
    }

    public ContentError error(String field, String problem) {
        return new ContentError(file, lineOf(field), field, problem);
    }

    public boolean has(String field) {
        NodeTuple tuple = fields.get(field);
        return tuple != null && !(tuple.getValueNode() instanceof ScalarNode s && isNull(s));
    }

    /** Refuses fields nobody reads: a typo must not silently drop a date. */
    public void onlyFields(Set<String> allowed) {
        for (String field : fields.keySet()) {
            if (!allowed.contains(field)) {
                throw new ContentError(file, lineOfKey(field), field,
                        "unknown field (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private int lineOfKey(String field) {
        return fields.get(field).getKeyNode().getStartMark().getLine() + 1 + lineOffset;
    }

    public String text(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        Node value = fields.get(field).getValueNode();
        if (!(value instanceof ScalarNode scalar)) {
            throw error(field, "must be a single value");
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
            throw error(field, "must not be empty");
        }
        return text;
    }

    public String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    public LocalDate date(String field) {
        String text = text(field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }

    public LocalDate optionalDate(String field) {
        return has(field) ? date(field) : null;
    }

    public boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        String text = text(field);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(field, "must be true or false, not '" + text + "'");
        };
    }

    public int integer(String field, int min, int max) {
        String text = text(field);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw error(field, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(field, "'" + text + "' is not a whole number");
        }
    }

    public YamlDocument mapping(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        if (!(fields.get(field).getValueNode() instanceof MappingNode mapping)) {
            throw error(field, "must be a mapping of fields");
        }
        return child(mapping);
    }

    public List<YamlDocument> list(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        if (!(fields.get(field).getValueNode() instanceof SequenceNode sequence)) {
            throw error(field, "must be a list");
        }
        return sequence.getValue().stream().map(item -> {
            if (!(item instanceof MappingNode mapping)) {
                throw new ContentError(file, item.getStartMark().getLine() + 1 + lineOffset, field,
                        "every item must be a mapping of fields");
            }
            return child(mapping);
        }).toList();
    }

    private static boolean isNull(ScalarNode node) {
        String v = node.getValue();
        return node.getTag().getValue().endsWith(":null") || v.isEmpty() || v.equals("~") || v.equals("null");
    }
}

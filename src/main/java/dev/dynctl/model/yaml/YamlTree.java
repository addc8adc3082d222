package dev.dynctl.model.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their line and column. A syntax
 * error names the file, line and column where the YAML parser found the problem.
 */
public final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final JsonParser parser;

    private YamlTree(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * The document in {@code in}, or empty when it holds nothing (an empty file, only comments).
     *
     * @param file the name messages use for it, as the user would type it
     */
    public static Optional<YamlNode> read(String file, Reader in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            YamlTree tree = new YamlTree(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = tree.node();
            if (parser.nextToken() != null) {
                throw YamlNode.error(tree.here(), "a second YAML document starts here; " + file + " holds one.");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        }
    }

    /** The value that starts at the current token. */
    private YamlNode node() throws IOException {
        Location at = here();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlMapping.Entry> entries = new LinkedHashMap<>();
            while (next() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Location keyAt = here();
                YamlMapping.Entry earlier = entries.get(key);
                if (earlier != null) {
                    throw YamlNode.error(keyAt, "'" + key + "' is given twice in one mapping (first at line "
                            + earlier.keyLocation().line() + ").");
                }
                next();
                entries.put(key, new YamlMapping.Entry(key, keyAt, node()));
            }
            return new YamlMapping(entries, at);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> elements = new ArrayList<>();
            while (next() != JsonToken.END_ARRAY) {
                elements.add(node());
            }
            return new YamlSequence(elements, at);
        }
        if (((YAMLParser) parser).isCurrentAlias()) {
            // the streaming parser hands back the anchor's name, not the value it stands for
            throw YamlNode.error(at, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out.");
        }
        return new YamlScalar(parser.getText(), token == JsonToken.VALUE_STRING, token == JsonToken.VALUE_NULL, at);
    }

    private JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw YamlNode.error(here(), "the YAML ends inside a mapping or list.");
        }
        return token;
    }

    private Location here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(file, at.getLineNr(), at.getColumnNr());
    }

    /**
     * The YAML parser's own description of the problem, at the mark where it found it (Jackson's
     * location is where the last good token started, often lines earlier).
     */
    private static DynctlException malformed(String file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return YamlNode.error(new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "malformed YAML: " + firstLine(yaml.getProblem()) + context + ".");
        }
        JsonLocation at = e.getLocation();
        Location where = at == null ? new Location(file, 1, 1) : new Location(file, at.getLineNr(), at.getColumnNr());
        return YamlNode.error(where, "malformed YAML: " + firstLine(e.getOriginalMessage()) + ".");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}

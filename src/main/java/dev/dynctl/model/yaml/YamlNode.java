package dev.dynctl.model.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import java.util.List;

/**
 * A value of a YAML file together with where it was written, so that a mistake found long after
 * parsing (an unknown type, a bad regex) can still be pointed at by line and column.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {
    Location location();

    /** What the node is, for messages: "a mapping", "a list", "the text 'x'". */
    String kind();

    /** The node as a JSON value, scalars read with JSON's rules (see {@link YamlScalar#toJson}). */
    JsonNode toJson();

    /** A usage error (exit 2) pointing at this node: {@code dynctl.yaml:12:9: message}. */
    default DynctlException error(String message) {
        return error(location(), message);
    }

    static DynctlException error(Location at, String message) {
        return DynctlException.usage(at + ": " + message);
    }

    static DynctlException error(Location at, String message, String hint) {
        return DynctlException.usage(at + ": " + message, hint);
    }

    /**
     * A check made elsewhere (a route key, a key attribute) failed on a value of the file: its
     * message and hint, pointed at the value.
     */
    static DynctlException error(Location at, DynctlException failed) {
        return error(at, failed, failed.hint());
    }

    /** As {@link #error(Location, DynctlException)}, with a hint in the file's words rather than the command line's. */
    static DynctlException error(Location at, DynctlException failed, String hint) {
        String message = failed.getMessage();
        String lowered = message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
        return new DynctlException(failed.exitCode(), at + ": " + lowered, hint, failed);
    }

    /** This node as a mapping, or an error naming {@code what} it should have been. */
    default YamlMapping asMapping(String what) {
        if (this instanceof YamlMapping mapping) {
            return mapping;
        }
        throw error(what + " must be a mapping (name: value lines), not " + kind() + ".");
    }

    default YamlSequence asSequence(String what) {
        if (this instanceof YamlSequence sequence) {
            return sequence;
        }
        throw error(what + " must be a list, not " + kind() + ".");
    }

    default YamlScalar asScalar(String what) {
        if (this instanceof YamlScalar scalar) {
            return scalar;
        }
        throw error(what + " must be a single value, not " + kind() + ".");
    }

    /** This node as a list of single values ({@code [a, b]}). */
    default List<YamlScalar> asScalars(String what) {
        return asSequence(what).elements().stream().map(e -> e.asScalar("each of " + what)).toList();
    }
}

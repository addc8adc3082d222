package dev.dynctl.model;

/**
 * One way a value breaks its schema.
 *
 * @param path the attribute, as {@code address.city} or {@code scores[2]}
 * @param rule the rule broken: type, required, enum, regex, min, max, minLength, maxLength or saveUnknown
 * @param message what is wrong, worded to follow the path: "is 200, above the maximum 150"
 */
public record Violation(String path, String rule, String message) {
    /** "age is 200, above the maximum 150 [max]". */
    @Override
    public String toString() {
        return path + " " + message + " [" + rule + "]";
    }
}

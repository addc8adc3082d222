package dev.dynctl.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A change made to a string value: on the way in ({@code set}) or on the way out ({@code get}). */
public enum Transform {
    TRIM("trim"),
    LOWERCASE("lowercase"),
    UPPERCASE("uppercase");

    private final String label;

    Transform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String apply(String text) {
        return switch (this) {
            case TRIM -> text.strip();
            case LOWERCASE -> text.toLowerCase(Locale.ROOT);
            case UPPERCASE -> text.toUpperCase(Locale.ROOT);
        };
    }

    /** Applies each transform in the order given. */
    public static String applyAll(List<Transform> transforms, String text) {
        String result = text;
        for (Transform transform : transforms) {
            result = transform.apply(result);
        }
        return result;
    }

    public static Optional<Transform> parse(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.label.equals(wanted)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Transform::label).toList();
    }
}

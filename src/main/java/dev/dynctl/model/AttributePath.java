package dev.dynctl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value is in an item: attribute names (String) and list indexes (Integer), shown as
 * {@code address.city} and {@code scores[2]}.
 */
public record AttributePath(List<Object> steps) {
    public AttributePath {
        for (Object step : steps) {
            if (!(step instanceof String) && !(step instanceof Integer)) {
                throw new IllegalArgumentException("a path step is a name (String) or an index (Integer), not " + step);
            }
        }
        steps = List.copyOf(steps);
    }

    public static AttributePath root() {
        return new AttributePath(List.of());
    }

    public static AttributePath of(List<Object> steps) {
        return new AttributePath(steps);
    }

    public AttributePath name(String name) {
        return with(name);
    }

    public AttributePath index(int index) {
        return with(index);
    }

    private AttributePath with(Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return new AttributePath(longer);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(step);
            }
        }
        return text.toString();
    }
}

package dev.dynctl.cli;

import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option as users type it, its {@code toString()} label (ddb-json, all-new) or the
 * constant's name (ALL_NEW, as the AWS API spells it), in any case, and lists the labels for help and completion (${COMPLETION-CANDIDATES}). picocli makes
 * converters from a class, so each enum has a one-line subclass that names it:
 * {@code static final class FormatLabels extends LabelConverter<Format> { FormatLabels() { super(Format.class); } }}.
 */
public abstract class LabelConverter<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;

    protected LabelConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.toString().equalsIgnoreCase(value) || e.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this) + "."));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(Enum::toString).iterator();
    }
}

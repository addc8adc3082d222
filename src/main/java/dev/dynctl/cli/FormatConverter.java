package dev.dynctl.cli;

import dev.dynctl.output.Format;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads --output values as users spell them (ddb-json) and lists them for help and completion. */
public final class FormatConverter implements ITypeConverter<Format>, Iterable<String> {
    @Override
    public Format convert(String value) {
        return Format.fromLabel(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not an output format; use one of " + String.join(", ", this)));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Format.values()).map(Format::label).iterator();
    }
}

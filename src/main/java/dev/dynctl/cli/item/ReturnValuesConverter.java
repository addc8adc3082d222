package dev.dynctl.cli.item;

import dev.dynctl.dynamo.ItemReturnValues;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads --return-values as typed (all-new) and lists the choices for help and completion. */
final class ReturnValuesConverter implements ITypeConverter<ItemReturnValues>, Iterable<String> {
    @Override
    public ItemReturnValues convert(String value) {
        return ItemReturnValues.fromLabel(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this) + "."));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ItemReturnValues.values()).map(ItemReturnValues::toString).iterator();
    }
}

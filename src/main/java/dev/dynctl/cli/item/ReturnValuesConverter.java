package dev.dynctl.cli.item;

import dev.dynctl.cli.LabelConverter;
import dev.dynctl.dynamo.ItemReturnValues;

/** Reads --return-values as typed (all-new, or ALL_NEW as the API spells it) and lists the choices. */
final class ReturnValuesConverter extends LabelConverter<ItemReturnValues> {
    ReturnValuesConverter() {
        super(ItemReturnValues.class);
    }
}

package dev.dynctl.dynamo;

import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** --return-values as users type it (all-new), for the SDK's ReturnValue (ALL_NEW). */
public enum ItemReturnValues {
    NONE("none"),
    ALL_OLD("all-old"),
    UPDATED_OLD("updated-old"),
    ALL_NEW("all-new"),
    UPDATED_NEW("updated-new");

    private final String label;

    ItemReturnValues(String label) {
        this.label = label;
    }

    public ReturnValue toSdk() {
        return ReturnValue.valueOf(name());
    }

    @Override
    public String toString() {
        return label;
    }
}

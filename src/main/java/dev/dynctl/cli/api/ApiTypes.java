package dev.dynctl.cli.api;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.api.ExportFormat;
import dev.dynctl.cli.LabelConverter;

/** The API commands' enum options, read as users type them (rest, edge, oas30) and listed for help and completion. */
final class ApiTypes {
    private ApiTypes() {
    }

    static final class TypeLabels extends LabelConverter<ApiType> {
        TypeLabels() {
            super(ApiType.class);
        }
    }

    static final class EndpointLabels extends LabelConverter<EndpointType> {
        EndpointLabels() {
            super(EndpointType.class);
        }
    }

    static final class FormatLabels extends LabelConverter<ExportFormat> {
        FormatLabels() {
            super(ExportFormat.class);
        }
    }
}

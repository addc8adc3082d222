package dev.dynctl.api;

import java.util.Locale;

/** The specification an API is exported as: OpenAPI 3.0 or Swagger (OpenAPI 2.0). */
public enum ExportFormat {
    OAS30, SWAGGER;

    /** The word users type and see, which is also API Gateway's export type: oas30, swagger. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}

package dev.dynctl.init;

import java.util.List;

/**
 * The Lambda runtime a new project's function is written for: where its handler lives, how it is
 * built, and which template files make it.
 */
public enum HandlerRuntime {
    PYTHON("python3.12", "app.handler", "functions/items", null),
    NODE("nodejs20.x", "index.handler", "functions/items", null),
    JAVA("java17", "items.Handler::handleRequest", "functions/items/target/items.jar",
            "mvn -q -B -f functions/items/pom.xml package");

    private final String label;
    private final String handler;
    private final String code;
    private final String build;

    HandlerRuntime(String label, String handler, String code, String build) {
        this.label = label;
        this.handler = handler;
        this.code = code;
        this.build = build;
    }

    /** The runtime as Lambda names it. */
    public String label() {
        return label;
    }

    String handler() {
        return handler;
    }

    /** The function's {@code code:}, relative to dynctl.yaml. */
    String code() {
        return code;
    }

    /** The function's {@code build:} command; null when the code is deployed as it is. */
    String build() {
        return build;
    }

    /** The handler's files for an API of this template: resource under init/, and where it goes. */
    List<TemplateFile> files(ApiTemplate api) {
        String kind = api.websocket() ? "websocket" : "http";
        return switch (this) {
            case PYTHON -> List.of(new TemplateFile(label + "/" + kind + "/app.py", "functions/items/app.py"));
            case NODE -> List.of(new TemplateFile(label + "/" + kind + "/index.mjs", "functions/items/index.mjs"));
            case JAVA -> List.of(new TemplateFile(label + "/pom.xml", "functions/items/pom.xml"),
                    new TemplateFile(label + "/" + kind + "/Handler.java", "functions/items/src/main/java/items/Handler.java"));
        };
    }

    @Override
    public String toString() {
        return label;
    }

    /** A file of the scaffold: its template under {@code dev/dynctl/init/}, and its path in the project. */
    record TemplateFile(String resource, String target) {
    }
}

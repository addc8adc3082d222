package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.api.ApiCatalog;
import dev.dynctl.api.ApiCreation;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.api.OpenApiFile;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.error.DynctlException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an API: empty, or (REST and HTTP) imported from an OpenAPI definition, named NAME.",
            "",
            "REST APIs serve from an edge (through CloudFront's edge locations, AWS's default), regional or "
                    + "private (inside a VPC) endpoint; HTTP and WebSocket APIs are always regional. A name that "
                    + "is taken is refused (exit 2) unless --if-not-exists, which shows the existing API instead."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api create shop --type http",
            "  dynctl api create orders --type rest --endpoint-type regional",
            "  dynctl api create pets --type rest --from openapi.yaml",
            "  dynctl api create chat --type websocket",
            "  dynctl api create shop --type http --if-not-exists   # for CI"})
public final class ApiCreateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The API's name.")
    String name;

    @Option(names = "--type", required = true, paramLabel = "TYPE", converter = ApiTypes.TypeLabels.class,
            completionCandidates = ApiTypes.TypeLabels.class, description = "rest, http or websocket.")
    ApiType type;

    @Option(names = "--from", paramLabel = "FILE",
            description = "An OpenAPI definition (YAML or JSON) to import: its paths become the API's routes (REST, HTTP).")
    Path from;

    @Option(names = "--endpoint-type", paramLabel = "TYPE", converter = ApiTypes.EndpointLabels.class,
            completionCandidates = ApiTypes.EndpointLabels.class,
            description = "REST only: edge, regional or private (default: edge).")
    EndpointType endpointType;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the API is for.")
    String description;

    @Option(names = "--route-selection-expression", paramLabel = "EXPR",
            description = "WebSocket only: where a message names its route (default: " + ApiCreation.DEFAULT_ROUTE_SELECTION + ").")
    String routeSelectionExpression;

    @Option(names = "--if-not-exists", description = "Succeed and show the existing API when one of this name and type exists.")
    boolean ifNotExists;

    @Override
    protected void run(Context context) {
        checkOptions();
        JsonNode definition = from == null ? null : OpenApiFile.read(from);
        ApiCatalog catalog = ApiCommand.catalog(context);
        ApiCatalog.Creation creation = catalog.create(
                new ApiCreation(name, type, definition, endpointType, description, routeSelectionExpression), ifNotExists);
        ApiRef api = creation.api();
        context.err().println(creation.made() ? "Created " + type.label() + " API '" + name + "' (" + api.id() + ")."
                : "API '" + name + "' (" + api.id() + ") already exists; nothing was created.");
        ApiDescribeCommand.show(context, catalog.describe(api));
    }

    /** Options that do not apply to the API's type are refused, not ignored. */
    private void checkOptions() {
        if (from != null && type == ApiType.WEBSOCKET) {
            throw DynctlException.usage("--from imports OpenAPI, which describes REST and HTTP APIs, not WebSocket APIs.",
                    "Create the WebSocket API empty and add its routes with 'dynctl api route add'.");
        }
        if (endpointType != null && type != ApiType.REST) {
            throw DynctlException.usage("--endpoint-type applies to REST APIs only; " + type.label() + " APIs are always regional.",
                    "Leave --endpoint-type out, or create a REST API with --type rest.");
        }
        if (routeSelectionExpression != null && type != ApiType.WEBSOCKET) {
            throw DynctlException.usage("--route-selection-expression applies to WebSocket APIs only.",
                    "Leave it out, or create a WebSocket API with --type websocket.");
        }
    }
}

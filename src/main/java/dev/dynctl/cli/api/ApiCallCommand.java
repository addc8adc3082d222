package dev.dynctl.cli.api;

import dev.dynctl.api.ApiCall;
import dev.dynctl.api.ApiCallRequest;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.HttpExchange;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.input.InputArgument;
import dev.dynctl.input.NamedValues;
import dev.dynctl.output.Format;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Send one HTTP request to a stage of a REST or HTTP API and print the status, headers and body. "
                + "The request is signed with SigV4 (execute-api) when its route uses IAM authorization, or with --sign. "
                + "Exits 1 on a 4xx or 5xx answer unless --no-fail.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api call shop 'GET /items/42' --stage prod",
            "  dynctl api call shop 'POST /items' --stage prod --data '{\"name\":\"pen\"}'",
            "  dynctl api call shop 'PUT /items/42' --stage prod --data @item.json -i",
            "  dynctl api call shop 'GET /items' --stage dev --query-param color=red \\",
            "      --header 'Accept: application/json'",
            "  dynctl api call shop 'GET /admin' --stage prod --sign --no-fail -o json",
            "  dynctl api call shop 'GET /items/42' --base-url https://api.example.com"})
public final class ApiCallCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Parameters(index = "1", paramLabel = "REQUEST", description = "The method and the path without the stage, e.g. 'GET /items/1'.")
    String request;

    @Option(names = "--stage", paramLabel = "STAGE", description = "The stage to call (an HTTP API's $default when left out).")
    String stage;

    @Option(names = {"-d", "--data"}, paramLabel = "BODY", description = "The request body: text, @file, or - for stdin.")
    String data;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE", description = "A request header; repeat for more.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--query-param", paramLabel = "NAME=VALUE", description = "A query string parameter; repeat for more.")
    List<String> queryParams = new ArrayList<>();

    @Option(names = "--sign", negatable = true,
            description = "Sign the request with SigV4 (--no-sign: never); by default only when the route uses IAM authorization.")
    Boolean sign;

    @Option(names = {"-i", "--include"}, description = "Print the response headers too (a table shows them only with this).")
    boolean include;

    @Option(names = "--no-fail", description = "Exit 0 whatever the status, instead of 1 on a 4xx or 5xx answer.")
    boolean noFail;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Send to this URL and the path instead of the stage's invoke URL: a custom domain, a local server.")
    URI baseUrl;

    @Override
    protected void run(Context context) {
        ApiCall.checkBaseUrl(baseUrl);
        ApiCallRequest call = ApiCallRequest.parse(request, trimmed(NamedValues.pairs(queryParams, '=', "--query-param", "--query-param color=red")),
                trimmed(NamedValues.pairs(headers, ':', "--header", "--header 'Accept: application/json'")), body(context));
        ApiRef ref = ApiCommand.locator(context).find(api);
        HttpExchange exchange = new ApiCall(context.clients()).call(ref, stage, call, sign, baseUrl);
        if (context.output().format() == Format.TABLE && context.options().query() == null) {
            print(context, exchange);
        } else {
            context.output().document(exchange.document());
        }
        if (exchange.failed() && !noFail) {
            throw new DynctlException(ExitCode.FAILURE, exchange.method() + " " + exchange.url() + " answered " + exchange.status() + ".",
                    "Pass --no-fail to exit 0 whatever the status.");
        }
    }

    /** For a person: which URL was called (on stderr), then the status line, the headers with --include, and the body. */
    private void print(Context context, HttpExchange exchange) {
        context.err().println(exchange.method() + " " + exchange.url() + (exchange.signed() ? " (signed with SigV4)" : ""));
        context.err().flush();
        PrintWriter out = context.out();
        out.println("HTTP " + exchange.status());
        if (include) {
            exchange.shownHeaders().forEach(header -> out.println(header.getKey() + ": " + header.getValue()));
            out.println();
        }
        JsonNode body = exchange.bodyNode();
        if (body != null) {
            out.println(body.isTextual() ? body.asText() : Json.pretty(body));
        }
        out.flush();
    }

    /** The bytes of --data (the text, @file or - for stdin); none without it. */
    private byte[] body(Context context) {
        return data == null ? new byte[0]
                : InputArgument.read(data, "--data", context::in, "Give the body as text, @FILE (sent byte for byte), or - for stdin.").bytes();
    }

    /** Spaces around a header's or a parameter's name and value are not part of them ("Accept: application/json"). */
    private static List<Map.Entry<String, String>> trimmed(List<Map.Entry<String, String>> pairs) {
        return pairs.stream().map(pair -> Map.entry(pair.getKey().trim(), pair.getValue().trim())).toList();
    }
}

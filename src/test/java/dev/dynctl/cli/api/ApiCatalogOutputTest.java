package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** api list / describe / create / delete as a person reads them: no "null", readable stages, namesakes explained. */
class ApiCatalogOutputTest {
    @Test
    void aMissingDescriptionIsAnEmptyStringNeverNull() {
        String rest = Engine.uniqueName("bare");
        String restId = Engine.apiGateway().createRestApi(b -> b.name(rest)).id();
        String ws = Engine.uniqueName("barews");
        String wsId = Engine.apiGatewayV2().createApi(b -> b.name(ws).protocolType(ProtocolType.WEBSOCKET)
                .routeSelectionExpression("$request.body.action")).apiId();

        for (JsonNode row : json(cli().aws("api", "list"))) {
            if (row.path("id").asText().equals(restId) || row.path("id").asText().equals(wsId)) {
                assertThat(row.path("description").isTextual()).as(row.toString()).isTrue();
                assertThat(row.path("description").asText()).isEmpty();
            }
        }
        Result table = cli().width(200).aws("api", "list", "-o", "table");
        assertThat(table.out()).doesNotContain("null").containsPattern("(?m)^" + restId + " +" + rest + " +rest +edge +\\S+$");

        for (String api : new String[] {rest, ws}) {
            JsonNode doc = json(cli().aws("api", "describe", api));
            assertThat(doc.path("description").isTextual()).as(doc.toString()).isTrue();
            assertThat(doc.path("description").asText()).isEmpty();
            assertThat(cli().aws("api", "describe", api, "-o", "table").out()).doesNotContain("null");
        }
    }

    @Test
    void describeShowsStagesAsRowsOfTheirOwnOnATableAndAsAListInJson() {
        String name = Engine.uniqueName("staged");
        String id = ApiFixtures.deployableRestApi(name);
        String prod = json(cli().aws("api", "deploy", name, "--stage", "prod")).path("deployment").asText();
        json(cli().aws("api", "deploy", name, "--stage", "beta"));
        json(cli().aws("api", "stage", "update", name, "beta", "--var", "table=orders-beta", "--var", "log=debug"));

        Result table = cli().width(160).aws("api", "describe", name, "-o", "table");
        assertThat(table.code()).as(table.toString()).isZero();
        String url = "https://" + id + ".execute-api.us-east-1.amazonaws.com";
        assertThat(table.out())
                .containsPattern("(?m)^stages +beta, prod$")
                .containsPattern("(?m)^stage +deployment +url +variables$")
                .containsPattern("(?m)^prod +" + prod + " +" + url + "/prod$")
                .containsPattern("(?m)^beta +\\w+ +" + url + "/beta +log=debug, table=orders-beta$")
                .doesNotContain("{name:", "null");

        JsonNode doc = json(cli().aws("api", "describe", name, "-o", "json"));
        assertThat(doc.path("stages").isArray()).isTrue();
        assertThat(doc.path("stages").findValuesAsText("name")).containsExactlyInAnyOrder("prod", "beta");
        assertThat(doc.path("stages").findValuesAsText("url")).contains(url + "/prod");
        // a --query reads the document, stages and all
        Result queried = cli().aws("api", "describe", name, "-o", "table", "--query", "stages[?name=='prod'].url");
        assertThat(queried.out()).contains(url + "/prod");

        Result none = cli().aws("api", "describe", Engine.apiGateway().createRestApi(b -> b.name(Engine.uniqueName("empty"))).id(),
                "-o", "table");
        assertThat(none.out()).containsPattern("(?m)^stages +none$").doesNotContain("deployment");
    }

    @Test
    void ifNotExistsSaysWhyItDidNotApply() {
        String name = Engine.uniqueName("shop");
        String httpId = Engine.apiGatewayV2().createApi(b -> b.name(name).protocolType(ProtocolType.HTTP)).apiId();

        Result otherType = cli().aws("api", "create", name, "--type", "rest", "--if-not-exists");
        assertThat(otherType.code()).as(otherType.toString()).isEqualTo(2);
        assertThat(otherType.err()).contains("--if-not-exists did not apply", "'" + name + "'", "is " + httpId + ", of type http, not rest",
                        "--type http to accept " + httpId)
                .doesNotContain("Pass --if-not-exists");

        String twin = Engine.uniqueName("twin");
        String first = Engine.apiGateway().createRestApi(b -> b.name(twin)).id();
        String second = Engine.apiGateway().createRestApi(b -> b.name(twin)).id();
        Result several = cli().aws("api", "create", twin, "--type", "rest", "--if-not-exists");
        assertThat(several.code()).as(several.toString()).isEqualTo(2);
        assertThat(several.err()).contains("--if-not-exists did not apply: 2 rest APIs are named '" + twin + "'", first, second,
                "; it accepts only one").doesNotContain("Pass --if-not-exists");

        // one of the type among others of the name: that one is accepted, as the option says
        String mixed = Engine.uniqueName("mixed");
        String restId = Engine.apiGateway().createRestApi(b -> b.name(mixed)).id();
        Engine.apiGatewayV2().createApi(b -> b.name(mixed).protocolType(ProtocolType.HTTP));
        Result accepted = cli().aws("api", "create", mixed, "--type", "rest", "--if-not-exists");
        assertThat(json(accepted).path("id").asText()).isEqualTo(restId);
        assertThat(accepted.err()).contains("already exists; nothing was created");
    }

    @Test
    void deletingByIdAsksForTheIdSoASharedNameIsNeverTheAnswer() {
        String name = Engine.uniqueName("twin");
        String first = Engine.apiGateway().createRestApi(b -> b.name(name)).id();
        String second = Engine.apiGateway().createRestApi(b -> b.name(name)).id();

        Result byName = cli().stdin(name + "\n").aws("api", "delete", first);
        assertThat(byName.code()).as(byName.toString()).isEqualTo(2);
        assertThat(byName.err()).contains("Type '" + first + "' to confirm", "expected '" + first + "'");
        assertThat(Engine.apiGateway().getRestApi(b -> b.restApiId(first)).name()).isEqualTo(name);

        Result byId = cli().stdin(first + "\n").aws("api", "delete", first);
        assertThat(json(byId).path("status").asText()).isEqualTo("DELETED");
        assertThatThrownBy(() -> Engine.apiGateway().getRestApi(b -> b.restApiId(first))).isInstanceOf(NotFoundException.class);
        assertThat(Engine.apiGateway().getRestApi(b -> b.restApiId(second)).name()).isEqualTo(name);

        // named by its (now unique) name, it asks for the name, as before
        Result named = cli().stdin(name + "\n").aws("api", "delete", name);
        assertThat(named.err()).contains("Type '" + name + "' to confirm");
        assertThat(json(named).path("id").asText()).isEqualTo(second);
    }
}

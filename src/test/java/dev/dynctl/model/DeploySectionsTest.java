package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mistakes in the sections deploy reads (a table's keys and indexes, functions, apis, stages), at their file, line and column. */
class DeploySectionsTest extends ProjectFileCase {
    private static final String FUNCTION = "functions:\n  items: {runtime: python3.12, handler: app.handler, code: src}\n";
    private static final String TABLE = "tables:\n  items:\n    keys: {partition: id:S}\n";

    @Test
    void aRestApiTakesOneParameterPerPath() {
        String routes = "    routes:\n      GET /things/{thingId}: items\n      GET /things/{other}/x: items\n";
        loading(FUNCTION + "apis:\n  rest:\n    type: rest\n" + routes)
                .hasMessage(at(8, 7) + "the route 'GET /things/{other}/x' puts {other} under /things, where another route has {thingId}: "
                        + "a REST API takes one {parameter} per path.")
                .satisfies(e -> assertThat(hint(e)).startsWith("Name the parameter {thingId} in both routes"));
        ProjectFile same = ProjectFile.load(write(dir, FUNCTION + "apis:\n  rest:\n    type: rest\n"
                + "    routes:\n      GET /things/{thingId}: items\n      GET /things/{thingId}/x: items\n      GET /things/all: items\n"));
        assertThat(same.source()).isPresent();
    }

    @Test
    void unknownKeysListTheKeysThereAre() {
        loading(TABLE + "    indexes:\n      byOwner: {partition: owner:S, projecton: all}\n")
                .hasMessage(at(5, 37) + "unknown key 'projecton' in index 'byOwner'; index 'byOwner' takes: local, partition, sort, projection.");
        loading("functions:\n  items: {runtime: python3.12, handler: h, code: c, memroy: 256}\n")
                .hasMessage(at(2, 53) + "unknown key 'memroy' in function 'items'; function 'items' takes: runtime, handler, code, build, "
                        + "memory, timeout, description, environment, tables.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /x: {function: items, auht: iam}\n")
                .hasMessage(at(7, 33) + "unknown key 'auht' in the route 'GET /x'; the route 'GET /x' takes: function, auth, user_pool, client_ids.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    cors: {origin: ['*']}\n    routes: {GET /x: items}\n")
                .hasMessageStartingWith(at(6, 12) + "unknown key 'origin' in cors; cors takes: origins, methods,");
        loading(FUNCTION + "stages:\n  prod:\n    functions:\n      items: {runtime: java21}\n")
                .hasMessage(at(6, 15) + "unknown key 'runtime' in function 'items' in stage 'prod'; function 'items' in stage 'prod' "
                        + "takes: memory, timeout, description, environment.");
        loading("stages:\n  prod:\n    tables: {}\n")
                .hasMessage(at(3, 5) + "unknown key 'tables' in stage 'prod'; stage 'prod' takes: functions.");
    }

    @Test
    void keysAreAttrColonType() {
        loading("tables:\n  items:\n    keys: {partition: id:X}\n")
                .hasMessage(at(3, 23) + "bad partition 'id:X': 'X' is not a key type; use S (string), N (number) or B (binary)")
                .satisfies(e -> assertThat(hint(e)).endsWith("e.g. partition: id:S"));
        loading("tables:\n  items:\n    keys: {partition: id:S, sort: created}\n")
                .hasMessageStartingWith(at(3, 35) + "bad sort 'created': a key needs its type, e.g. created:S (string)");
        loading("tables:\n  items:\n    keys: {sort: created:N}\n")
                .hasMessage(at(3, 11) + "keys of table 'items' need a partition key, e.g. keys: {partition: id:S}.");
    }

    @Test
    void indexesFollowDynamoDbsRules() {
        loading(TABLE + "    indexes:\n      recent: {local: true, sort: updated:N}\n")
                .hasMessageStartingWith(at(5, 15) + "index 'recent' is local, and local indexes need a table with a sort key");
        loading(TABLE + "    indexes:\n      byOwner: {sort: owner:S}\n")
                .hasMessage(at(5, 16) + "index 'byOwner' needs partition: ATTR:TYPE (or local: true for a local index).");
        loading(TABLE + "    indexes:\n      byOwner: {partition: id:N}\n")
                .hasMessage(at(5, 28) + "'id' is S in keys but N in index 'byOwner'; an attribute has one type.");
        loading(TABLE + "    indexes:\n      byOwner: {partition: owner:S, projection: some}\n")
                .hasMessage(at(5, 49) + "projection must be all, keys, or a list of the attributes to copy, not 'some'.");
        loading(TABLE + "    indexes:\n      by: {partition: owner:S}\n")
                .hasMessage(at(5, 7) + "'by' is not an index name: 3 to 255 letters, digits, '_', '-' or '.'.");
        loading("tables:\n  items:\n    indexes:\n      byOwner: {partition: owner:S}\n")
                .hasMessage(at(4, 7) + "indexes need the table's keys: give keys: {partition: ATTR:TYPE} too.");
        loading(TABLE + "    stream: everything\n")
                .hasMessage(at(4, 13) + "stream must be one of new-image, old-image, new-and-old-images, keys-only, not 'everything'.");
    }

    @Test
    void aFunctionsTablesAreDeclaredTablesWithAnAccessWord() {
        loading(TABLE + "functions:\n  f:\n    runtime: python3.12\n    handler: h\n    code: c\n    tables: {itmes: read}\n")
                .hasMessage(at(9, 14) + "function 'f' names table 'itmes', which is not under tables:.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Did you mean 'items'?"));
        loading(TABLE + "functions:\n  f:\n    runtime: python3.12\n    handler: h\n    code: c\n    tables: {items: readwrite}\n")
                .hasMessage(at(9, 21) + "the access to table 'items' must be read, write, read-write, not 'readwrite'.");
    }

    @Test
    void memoryAndTimeoutAreInLambdasRange() {
        loading("functions:\n  f: {runtime: python3.12, handler: h, code: c, memory: 20000}\n")
                .hasMessage(at(2, 57) + "memory 20000 is out of range: Lambda takes 128 to 10240 MB.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("e.g. memory: 256 (CPU grows with memory)."));
        loading("functions:\n  f: {runtime: python3.12, handler: h, code: c, timeout: 901}\n")
                .hasMessage(at(2, 58) + "timeout 901 is out of range: Lambda takes 1 to 900 seconds.");
        loading("functions:\n  f: {runtime: python3.12, handler: app.h, code: c}\nstages:\n  prod:\n    functions:\n      f: {memory: 64}\n")
                .hasMessage(at(6, 19) + "memory 64 is out of range: Lambda takes 128 to 10240 MB.");
        loading("functions:\n  f: {runtime: python3.12, handler: h, code: c, memory: lots}\n")
                .hasMessage(at(2, 57) + "memory must be a whole number, 0 or more, not 'lots'.");
    }

    @Test
    void aFunctionNeedsRuntimeHandlerAndCode() {
        loading("functions:\n  f: {runtime: python3.12, handler: h}\n")
                .hasMessage(at(2, 6) + "function 'f' needs code:.");
        loading("functions:\n  f: {runtime: python3.12, handler: h, code: c, environment: {1X: a}}\n")
                .hasMessage(at(2, 63) + "'1X' is not an environment variable name: letters, digits and '_', starting with a letter.");
    }

    @Test
    void routesAreRouteKeysToDeclaredFunctions() {
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET items: items\n")
                .hasMessage(at(7, 7) + "the route 'GET items' is malformed: the path must start with '/'.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /items: itmes\n")
                .hasMessage(at(7, 19) + "the route 'GET /items' calls function 'itmes', which is not under functions:.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Did you mean 'items'?"));
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /x: {function: items, auth: oauth}\n")
                .hasMessage(at(7, 39) + "auth must be none, iam, cognito, not 'oauth'.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /x: {function: items, auth: cognito}\n")
                .hasMessageStartingWith(at(7, 15) + "the route 'GET /x' has auth: cognito and needs user_pool: ARN.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /x: {function: items, user_pool: arn}\n")
                .hasMessage(at(7, 33) + "user_pool goes with auth: cognito.");
        loading(FUNCTION + "apis:\n  ws:\n    type: websocket\n    routes:\n      GET /x: items\n")
                .hasMessage(at(7, 7) + "a WebSocket API's routes are '$connect', '$disconnect', '$default' or an action name; "
                        + "'GET /x' is an HTTP route.");
        loading(FUNCTION + "apis:\n  r:\n    type: rest\n    routes:\n      $default: items\n")
                .hasMessage(at(7, 7) + "a REST API's routes are 'METHOD /path'; '$default' is not one.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      sendMessage: items\n")
                .hasMessage(at(7, 7) + "an HTTP API's routes are 'METHOD /path' or '$default'; 'sendMessage' is not one.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /x: items\n      get /x: items\n")
                .hasMessage(at(8, 7) + "the route 'GET /x' is given twice (first at line 7).");
    }

    @Test
    void routeAuthFollowsTheRulesOfApiRouteAddAtTheValueThatBreaksThem() {
        String pool = "user_pool: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123";
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    routes:\n      GET /x: {function: items, auth: cognito, " + pool + "}\n")
                .hasMessage(at(7, 39) + "cognito auth on an HTTP API needs the app client ids whose tokens it accepts.")
                .satisfies(e -> assertThat(hint(e)).contains("client_ids: [1example23456789]"));
        loading(FUNCTION + "apis:\n  r:\n    type: rest\n    routes:\n      GET /x: {function: items, auth: cognito, " + pool
                + ", client_ids: [abc]}\n")
                .hasMessage(at(7, 141) + "a REST API's Cognito authorizer accepts the tokens of every app client of the pool: "
                        + "app client ids are for HTTP APIs.");
        loading(FUNCTION + "apis:\n  ws:\n    type: websocket\n    routes:\n      send: {function: items, auth: iam}\n")
                .hasMessage(at(7, 37) + "a WebSocket API checks callers when they connect: auth goes on '$connect' only.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Leave the auth off 'send', and put it on '$connect'."));
        loading(FUNCTION + "apis:\n  ws:\n    type: websocket\n    routes:\n      $connect: {function: items, auth: cognito, " + pool + "}\n")
                .hasMessage(at(7, 41) + "a WebSocket API cannot check Cognito tokens itself (it has no JWT authorizers).");
    }

    @Test
    void anApiTakesTheSettingsOfItsType() {
        loading(FUNCTION + "apis:\n  http:\n    type: graphql\n    routes: {GET /x: items}\n")
                .hasMessage(at(5, 11) + "type must be rest, http, websocket, not 'graphql'.");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    endpoint: edge\n    routes: {GET /x: items}\n")
                .hasMessage(at(6, 5) + "endpoint is for rest APIs, and this one is http.");
        loading(FUNCTION + "apis:\n  ws:\n    type: websocket\n    cors: true\n    routes: {$connect: items}\n")
                .hasMessageStartingWith(at(6, 11) + "cors is for HTTP and REST APIs");
        loading(FUNCTION + "apis:\n  http:\n    type: http\n    cors: {methods: [FETCH]}\n    routes: {GET /x: items}\n")
                .hasMessageStartingWith(at(6, 22) + "'FETCH' is not an HTTP method;");
        loading(FUNCTION + "apis:\n  http:\n    routes: {GET /x: items}\n")
                .hasMessage(at(5, 5) + "api 'http' needs type: http, rest or websocket.");
    }

    @Test
    void stageOverridesNameDeclaredFunctions() {
        loading(FUNCTION + "stages:\n  prod:\n    functions:\n      itms: {memory: 512}\n")
                .hasMessage(at(6, 7) + "stage 'prod' changes function 'itms', which is not under functions:.")
                .satisfies(e -> assertThat(hint(e)).isEqualTo("Did you mean 'items'?"));
    }
}

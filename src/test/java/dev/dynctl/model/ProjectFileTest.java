package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Loading dynctl.yaml: what it gives, and mistakes reported at their file, line and column. */
class ProjectFileTest extends ProjectFileCase {
    @Test
    void readsServiceTablesAndTheirRealNames() {
        ProjectFile project = ProjectFile.load(write(dir, """
                service: shop
                tables:
                  users:
                    name: shop-users
                    schema:
                      attributes:
                        id: string
                  orders:
                  audit: {}
                """));

        assertThat(project.service()).contains("shop");
        assertThat(project.tables()).extracting(ProjectTable::logicalName).containsExactly("users", "orders", "audit");
        assertThat(project.tables()).extracting(ProjectTable::name).containsExactly("shop-users", "orders", "audit");
        assertThat(project.schemaFor("shop-users")).isPresent();
        assertThat(project.schemaFor("users")).as("looked up by the real name").isEmpty();
        assertThat(project.schemaFor("orders")).as("a table without a schema").isEmpty();
        assertThat(project.source()).contains(dir.resolve("dynctl.yaml"));
    }

    @Test
    void findReadsDynctlYamlInTheDirectoryOrGivesAnEmptyProject() {
        assertThat(ProjectFile.find(dir).tables()).isEmpty();
        assertThat(ProjectFile.find(dir).source()).isEmpty();

        write(dir, "tables:\n  users:\n    schema: {attributes: {id: string}}\n");
        assertThat(ProjectFile.find(dir).schemaFor("users")).isPresent();
    }

    @Test
    void findLooksInTheFoldersAboveUpToTheTopOfTheRepository() throws Exception {
        Path items = Files.createDirectories(dir.resolve("repo/functions/items"));
        assertThat(ProjectFile.find(items).source()).as("none anywhere above").isEmpty();

        Path file = write(dir.resolve("repo"), "service: notes\n");
        assertThat(ProjectFile.find(items).source()).as("from functions/items/").contains(file.toAbsolutePath());
        assertThat(ProjectFile.find(items).service()).contains("notes");

        // a .git (a folder, or a file in a worktree) is the top: a dynctl.yaml above it is another project's
        Files.writeString(dir.resolve("repo/functions/.git"), "gitdir: elsewhere\n");
        assertThat(ProjectFile.find(items).source()).as("stopped at the repository's top").isEmpty();
        assertThat(ProjectFile.find(dir.resolve("repo/functions")).source()).as("stopped at the repository's top").isEmpty();
        assertThat(ProjectFile.find(dir.resolve("repo")).source()).contains(file.toAbsolutePath());
    }

    @Test
    void theVersionAndTimestampsArePlainNames() {
        assertThatThrownBy(() -> ProjectFile.load(write(dir, "tables:\n  users:\n    schema: {version: meta.rev}\n")))
                .isInstanceOf(DynctlException.class)
                .hasMessage(dir.resolve("dynctl.yaml") + ":3:23: version 'meta.rev' must be a plain attribute name, without '.', '[' or ']'.");
        assertThatThrownBy(() -> ProjectFile.load(write(dir, "tables:\n  users:\n    schema: {timestamps: {createdAt: c.at}}\n")))
                .isInstanceOf(DynctlException.class)
                .hasMessageContaining("createdAt 'c.at' must be a plain attribute name");
    }

    @Test
    void anEmptyFileIsAnEmptyProject() {
        assertThat(ProjectFile.load(write(dir, "# nothing yet\n")).tables()).isEmpty();
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThatThrownBy(() -> ProjectFile.load(dir.resolve("nope.yaml")))
                .isInstanceOf(DynctlException.class)
                .hasMessage("Project file '" + dir.resolve("nope.yaml") + "' not found.");
    }

    @Test
    void malformedYamlNamesLineAndColumnOfTheProblem() {
        loading("""
                tables:
                  users:
                    schema: {attributes: [
                """).hasMessageStartingWith(at(4, 1) + "malformed YAML: expected the node content, but found '<stream end>'");
        loading("a: b\n c: d\n").hasMessageStartingWith(at(2, 3) + "malformed YAML: mapping values are not allowed here");
        loading("tables:\n\tusers: {}\n").hasMessageStartingWith(at(2, 1) + "malformed YAML: found character '\\t(TAB)'");
    }

    @Test
    void unknownKeysAreErrorsListingTheKnownOnes() {
        loading("service: shop\ntabels: {}\n")
                .hasMessage(at(2, 1) + "unknown key 'tabels' in the project file; the project file takes: service, tables, functions, apis, stages.");
        loading("tables:\n  users:\n    schema: {}\n    nmae: app-users\n")
                .hasMessage(at(4, 5) + "unknown key 'nmae' in table 'users'; table 'users' takes: name, keys, indexes, ttl, stream, schema.");
        loading("tables:\n  users:\n    schema:\n      atributes: {}\n")
                .hasMessageStartingWith(at(4, 7) + "unknown key 'atributes' in the schema of table 'users'; "
                        + "the schema of table 'users' takes: saveUnknown, timestamps, version, attributes.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        email: {type: string, requird: true}\n")
                .hasMessageStartingWith(at(5, 31) + "unknown key 'requird' in attribute 'email'; attribute 'email' takes: type, format, required,");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        age: {type: number, validate: {minimum: 1}}\n")
                .hasMessage(at(5, 40) + "unknown key 'minimum' in validate of 'age'; validate of 'age' takes: regex, min, max, minLength, maxLength.");
    }

    @Test
    void theSectionsDeployReadsDoNotGetInTheWayOfSchemas() {
        ProjectFile project = ProjectFile.load(write(dir, """
                service: notes
                tables:
                  items:
                    keys: {partition: id:S}
                    schema: {attributes: {id: string}}
                functions:
                  api: {runtime: python3.12, handler: app.handler, code: src, tables: {items: read}}
                apis:
                  http: {type: http, routes: {GET /items: api}}
                stages:
                  prod: {functions: {api: {memory: 512}}}
                """));

        assertThat(project.schemaFor("items")).isPresent();
        assertThat(project.tables()).extracting(ProjectTable::name).containsExactly("items");
    }

    @Test
    void aTableIsFoundByItsNameInAnyStage() {
        ProjectFile project = ProjectFile.load(write(dir, """
                service: notes
                tables:
                  items:
                    schema: {attributes: {id: string}}
                  users:
                    name: ${service}-${stage}-people
                    schema: {attributes: {email: string}}
                  orders:
                """));

        assertThat(project.table("notes-dev-items")).map(ProjectTable::logicalName).contains("items");
        assertThat(project.table("notes-pr-123-items")).map(ProjectTable::logicalName).contains("items");
        assertThat(project.table("items")).as("the key, as before").map(ProjectTable::logicalName).contains("items");
        assertThat(project.schemaFor("notes-prod-people")).hasValueSatisfying(s -> assertThat(s.attributes().attributes()).containsKey("email"));
        assertThat(project.schemaFor("notes-dev-orders")).as("a table without a schema").isEmpty();
        assertThat(project.table("notes-Dev-items")).as("not a stage name").isEmpty();
        assertThat(project.table("notes--items")).isEmpty();
        assertThat(project.table("shop-dev-items")).as("another service").isEmpty();
        assertThat(project.table("notes-dev-people-x")).isEmpty();
        assertThatThrownBy(() -> project.requireSchema("notes-dev-nothing"))
                .isInstanceOf(DynctlException.class)
                .satisfies(e -> assertThat(((DynctlException) e).hint()).isEqualTo("Its tables: items (notes-STAGE-items), "
                        + "notes-STAGE-people, orders (notes-STAGE-orders); a table's real name is its name: setting, "
                        + "or its key under tables: (SERVICE-STAGE-KEY in a deployed stage)."));
    }

    @Test
    void withoutAServiceOnlyTheNameOrKeyFindsATable() {
        ProjectFile project = ProjectFile.load(write(dir, "tables:\n  items:\n    schema: {attributes: {id: string}}\n"));
        assertThat(project.table("items")).isPresent();
        assertThat(project.table("notes-dev-items")).isEmpty();
    }

    @Test
    void anUnknownTypeIsPointedAtWithTheTypesThereAre() {
        loading("""
                tables:
                  users:
                    schema:
                      attributes:
                        id: strng
                        email: {type: text}
                """).hasMessage(at(5, 13) + "unknown type 'strng' for attribute 'id'; types: string, number, boolean, binary, "
                + "list, map, stringSet, numberSet, binarySet, date.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        email: {required: true}\n")
                .hasMessageStartingWith(at(5, 16) + "attribute 'email' needs a type: one of string,");
    }

    @Test
    void typesAreSpelledTheDynamooseTheSnakeOrTheDynamoDbWay() {
        TableSchema schema = ProjectFiles.usersSchema(dir, """
                attributes:
                  a: String
                  b: string_set
                  c: NS
                  d: {type: binary-set}
                  e: Boolean
                  f: object
                """);
        assertThat(schema.attributes().attributes().values()).extracting(AttributeSchema::type).containsExactly(
                AttributeType.STRING, AttributeType.STRING_SET, AttributeType.NUMBER_SET, AttributeType.BINARY_SET,
                AttributeType.BOOLEAN, AttributeType.MAP);
    }

    @Test
    void aBadRegexIsPointedAtWithTheReason() {
        loading("tables:\n  users:\n    schema:\n      attributes:\n        email: {type: string, validate: {regex: '^[a-z'}}\n")
                .hasMessage(at(5, 49) + "regex '^[a-z' is not a valid regular expression: Unclosed character class at index 4.");
    }

    @Test
    void rulesOnTypesTheyCannotApplyToAreRefused() {
        loading("tables:\n  users:\n    schema:\n      attributes:\n        name: {type: string, validate: {min: 1}}\n")
                .hasMessage(at(5, 41) + "min applies to numbers (and number sets; for a length use minLength), and 'name' is a string.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        ok: {type: boolean, enum: [true]}\n")
                .hasMessageStartingWith(at(5, 29) + "enum applies to string and number attributes");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        n: {type: number, set: trim}\n")
                .hasMessageStartingWith(at(5, 27) + "set applies to string attributes");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        n: {type: string, format: iso}\n")
                .hasMessage(at(5, 27) + "format applies to date attributes, and 'n' is a string.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        n: {type: list, attributes: {a: string}}\n")
                .hasMessage(at(5, 25) + "attributes applies to map attributes, and 'n' is a list.");
    }

    @Test
    void valuesOfTheWrongKindAreRefused() {
        loading("tables:\n  users:\n    schema:\n      saveUnknown: no\n")
                .hasMessage(at(4, 20) + "saveUnknown must be true or false, not 'no'.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        age: {type: number, validate: {min: ten}}\n")
                .hasMessage(at(5, 45) + "min must be a number, not 'ten'.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        age: {type: number, validate: {min: 5, max: 1}}\n")
                .hasMessage(at(5, 53) + "max 1 is below min 5.");
        loading("tables:\n  users:\n    schema:\n      attributes: [id]\n")
                .hasMessage(at(4, 19) + "attributes must be a mapping (name: value lines), not a list.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        d: {type: date, format: unix}\n")
                .hasMessage(at(5, 33) + "unknown date format 'unix'; formats: iso, epoch, epoch-ms.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        s: {type: string, set: [trim, reverse]}\n")
                .hasMessage(at(5, 39) + "unknown transform 'reverse' in set; transforms: trim, lowercase, uppercase.");
    }

    @Test
    void defaultsMustFitTheirOwnAttribute() {
        loading("tables:\n  users:\n    schema:\n      attributes:\n        role: {type: string, enum: [admin, user], default: root}\n")
                .hasMessage(at(5, 60) + "the default of 'role' breaks its own schema: role is \"root\", not one of \"admin\", \"user\" [enum].");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        n: {type: number, default: many}\n")
                .hasMessage(at(5, 36) + "the default of 'n' must be a number, not 'many'.");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        s: {type: string, default: now}\n")
                .hasMessageStartingWith(at(5, 36) + "default: now is the time of the write and needs type date");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        s: {type: number, default: uuid}\n")
                .hasMessageStartingWith(at(5, 36) + "default: uuid is a random UUID string and needs type string");
    }

    @Test
    void yamlMistakesThatLoseDataAreRefused() {
        loading("tables:\n  users: {}\n  users: {}\n")
                .hasMessage(at(3, 3) + "'users' is given twice in one mapping (first at line 2).");
        loading("tables:\n  users:\n    schema:\n      attributes:\n        a: &t {type: string}\n        b: *t\n")
                .hasMessage(at(6, 12) + "YAML aliases (*t) are not supported; write the value out.");
        loading("service: a\n---\nservice: b\n").hasMessage(at(3, 1) + "a second YAML document starts here; "
                + dir.resolve("dynctl.yaml") + " holds one.");
    }

    @Test
    void tableNamesFollowDynamoDbsRules() {
        loading("tables:\n  u:\n    schema: {}\n").hasMessage(at(2, 3)
                + "'u' (table 'u') is not a DynamoDB table name: 3 to 255 letters, digits, '_', '-' or '.'; give the real table name with name:.");
        loading("tables:\n  users: {name: app users}\n").hasMessageStartingWith(at(2, 17) + "'app users' (table 'users') is not a DynamoDB table name");
        loading("tables:\n  users: {name: app}\n  app: {}\n").hasMessage(at(3, 3) + "tables 'users' and 'app' are both the DynamoDB table 'app'.");
    }

    @Test
    void implicitAttributesAreNotDeclaredTwice() {
        loading("tables:\n  users:\n    schema:\n      timestamps: true\n      attributes:\n        createdAt: date\n")
                .hasMessageStartingWith(at(6, 9) + "'createdAt' is written by timestamps (a date)");
        loading("tables:\n  users:\n    schema:\n      version: rev\n      attributes:\n        rev: number\n")
                .hasMessageStartingWith(at(6, 9) + "'rev' is the version attribute (a number)");
    }

    @Test
    void theFullExampleOfTheDocsLoads() throws Exception {
        String page = Files.readString(Path.of("docs", "schemas.md"));
        int start = page.indexOf("```yaml\nservice: shop");
        String example = page.substring(page.indexOf('\n', start) + 1, page.indexOf("```", start + 3));

        ProjectFile project = ProjectFile.load(write(dir, example));

        TableSchema users = project.schemaFor("shop-users").orElseThrow();
        assertThat(users.attributes().attributes()).containsKeys("id", "email", "address", "createdAt", "updatedAt", "rev");
        assertThat(users.saveUnknown()).isFalse();
        assertThat(project.table("orders")).hasValueSatisfying(t -> assertThat(t.tableSchema()).isEmpty());
    }

    @Test
    void aNonUtf8FileIsAUsageError() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'s', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ProjectFile.load(file)).isInstanceOf(DynctlException.class);
    }

    @Test
    void destroyReadsTheServiceAndNothingElse() {
        String broken = """
                service: notes
                functions:
                  items: {runtime: cobol}
                unknown: 1
                """;
        loading(broken).hasMessageStartingWith(at(4, 1));

        ProjectFile service = ProjectFile.loadService(write(dir, broken));

        assertThat(service.service()).contains("notes");
        assertThat(service.tables()).isEmpty();
        assertThat(service.nothingInStage("dev")).isEqualTo(ServiceStage.nothing("notes", "dev", dir.toAbsolutePath().normalize()));
    }

    @Test
    void destroyStillPointsAtABadService() {
        ProjectFile service = ProjectFile.loadService(write(dir, "service: My Notes\nfunctions: {items: {runtime: cobol}}\n"));

        assertThatThrownBy(() -> service.nothingInStage("dev")).isInstanceOf(DynctlException.class)
                .hasMessage(at(1, 10) + "service 'My Notes' must be lower-case letters, digits and '-', starting with a letter.");
        assertThatThrownBy(() -> ProjectFile.loadService(write(dir, "- service: notes\n"))).isInstanceOf(DynctlException.class)
                .hasMessageStartingWith(at(1, 1));
        assertThatThrownBy(() -> ProjectFile.loadService(write(dir, "service: [notes]\n"))).isInstanceOf(DynctlException.class)
                .hasMessageStartingWith(at(1, 10));
    }
}

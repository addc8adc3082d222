package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemReturnValues;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.UpdateClauses;
import dev.dynctl.dynamo.expression.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Update one item's attributes (the item is created if it does not exist, as UpdateItem does).",
            "",
            "Values are JSON when they parse as JSON, strings otherwise: --set 'age=36' is a number, "
                    + "--set 'name=Ada' a string, and --set 'zip=\"01234\"' a string too. For --add and --delete "
                    + "a JSON array is a set. Attribute names always travel as placeholders, so reserved words "
                    + "(status, name, data, ...) just work.",
            "",
            "A path inside a map or list (address.city, langs[0]) needs that map or list to exist: "
                    + "set the whole of it first (--set 'address={\"city\": \"Paris\"}'). Sets have no positions.",
            "",
            "--update takes clauses in DynamoDB's update grammar without placeholders: SET a = a + 1, "
                    + "b = list_append(b, [1]), c = if_not_exists(c, 0) REMOVE d ADD n 1 DELETE tags ['x']. "
                    + "Strings are quoted there; a bare word is an attribute. It combines with the options above.",
            "",
            "--if updates only when a condition holds (see docs/expressions.md); when it does not, nothing "
                    + "changes and dynctl exits with 4, showing the item as it is."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item update users --key id=u1 --set status=active --set 'name=Ada L'",
            "  dynctl item update users --key id=u1 --set 'address={\"city\": \"Paris\"}'",
            "  dynctl item update users --key id=u1 --set address.zip=75001 --remove nick",
            "  dynctl item update hits --key id=home --add 'visits 1' \\",
            "      --return-values updated-new",
            "  dynctl item update users --key id=u1 --add 'tags [\"a\", \"b\"]'",
            "  dynctl item update users --key id=u1 --delete 'tags [\"b\"]'",
            "  dynctl item update hits --key id=home \\",
            "      --update 'SET visits = if_not_exists(visits, 0) + 1'",
            "  dynctl item update users --key id=u1 \\",
            "      --update \"SET log = list_append(if_not_exists(log, []), ['login'])\"",
            "  dynctl item update users --key id=u1 --set status=locked \\",
            "      --if \"status = 'active' AND contains(tags, 'a')\""})
public final class ItemUpdateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Mixin
    ItemKeyOption key;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Set an attribute (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "PATH", description = "Remove an attribute (repeatable).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--add", paramLabel = "'PATH VALUE'", description = "Add to a number, or add elements to a set (repeatable).")
    List<String> add = new ArrayList<>();

    @Option(names = "--delete", paramLabel = "'PATH [VALUES]'", description = "Remove elements from a set (repeatable).")
    List<String> delete = new ArrayList<>();

    @Option(names = "--update", paramLabel = "CLAUSES",
            description = "Update clauses, e.g. \"SET a = a + 1, b = 'x' REMOVE c\" (see above).")
    String update;

    @Option(names = "--if", paramLabel = "CONDITION", description = "Update only if this holds for the item, e.g. 'version = 3'.")
    String condition;

    @Option(names = "--return-values", paramLabel = "WHAT", defaultValue = "all-new", converter = ReturnValuesConverter.class,
            completionCandidates = ReturnValuesConverter.class,
            description = "What to print: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ItemReturnValues returnValues;

    @Option(names = "--expect-version", paramLabel = "N",
            description = "Update only while the item is at version N of the schema's version attribute (0: none yet).")
    Long expectedVersion;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        UpdateClauses clauses = new UpdateClauses();
        set.forEach(clauses::set);
        remove.forEach(clauses::remove);
        add.forEach(clauses::add);
        delete.forEach(clauses::delete);
        if (update != null) {
            clauses.expression(update, "--update");
        }
        Condition guard = condition == null ? null : Condition.parse(condition, "--if");
        ItemService items = new ItemService(context.clients(), schema.project(context));
        Map<String, AttributeValue> returned = items.update(table, key.text(), clauses, returnValues, guard, expectedVersion);
        if (!returned.isEmpty()) {
            context.output().item(returned);
        }
    }
}

package dev.dynctl.model;

import dev.dynctl.error.NearNames;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A table's {@code name:} setting: a real name ({@code shop-users}), or the pattern of one per
 * stage ({@code shop-${stage}-users}) built from {@code ${service}}, {@code ${stage}} and
 * {@code ${env:NAME}}. Other references would make table names depend on each other.
 */
record TableNameSetting(YamlScalar value) {
    /** DynamoDB's rule for table names. */
    static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    static final String TABLE_NAME_RULE = "3 to 255 letters, digits, '_', '-' or '.'";

    private static final List<String> REFERENCES = List.of("service", "stage");
    private static final String ENV = "env:";
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9_.-]*");
    /** Every ${stage} with nothing but a separator ('-', '_', '.') or an end on each side. */
    private static final Pattern STAGE_AS_A_PART = Pattern.compile("(?s)(?!.*[^-_.]\\$\\{stage})(?!.*\\$\\{stage}[^-_.]).*");

    /** Checks the references and the characters around them; {@code where} is "table 'users'". */
    static TableNameSetting read(YamlScalar value, String where) {
        String text = value.asText("name");
        if (!ReferenceText.hasReferences(text)) {
            if (!TABLE_NAME.matcher(text).matches()) {
                throw value.error("'" + text + "' (" + where + ") is not a DynamoDB table name: " + TABLE_NAME_RULE + ".");
            }
            return new TableNameSetting(value);
        }
        String filled = ReferenceText.replace(value, reference -> {
            if (!REFERENCES.contains(reference) && !reference.startsWith(ENV)) {
                List<String> near = NearNames.among(REFERENCES, reference);
                throw YamlNode.error(value.location(), "a table's name can use ${service}, ${stage} and ${env:NAME}, not ${"
                        + reference + "}.", NearNames.hint(near.stream().map(n -> "${" + n + "}").toList(),
                        "e.g. name: ${service}-${stage}-users"));
            }
            return "x";
        });
        if (!NAME_CHARACTERS.matcher(filled).matches()) {
            throw value.error("'" + text + "' (" + where + ") is not a DynamoDB table name: " + TABLE_NAME_RULE + ".");
        }
        if (!STAGE_AS_A_PART.matcher(text).matches()) {
            // a deploy finds the stage's tables among the account's by the stage standing alone in their names
            throw YamlNode.error(value.location(), "name '" + text + "' (" + where + ") puts ${stage} inside a word; it must stand "
                    + "between '-', '_' or '.', or at an end.", "e.g. name: shop-${stage}-users");
        }
        return new TableNameSetting(value);
    }

    String text() {
        return value.text();
    }

    /** Whether each stage gets its own table from it. */
    boolean namesTheStage() {
        return text().contains("${stage}");
    }

    /** The real name in {@code stage}, checked against DynamoDB's rule once the references are in. */
    String resolve(String service, String stage, Map<String, String> environment, String where) {
        String name = ReferenceText.replace(value, reference -> switch (reference) {
            case "service" -> service;
            case "stage" -> stage;
            default -> StageReferences.environmentVariable(value, environment, reference.substring(ENV.length()));
        });
        if (!TABLE_NAME.matcher(name).matches()) {
            // the name made is shown only when it holds no ${env:…}: that value may be a secret
            String shown = text().contains("${" + ENV) ? "'" + text() + "' in stage " + stage : "'" + name + "'";
            throw value.error(shown + " (" + where + ") is not a DynamoDB table name: " + TABLE_NAME_RULE + ".");
        }
        return name;
    }

    /**
     * Whether {@code realName} is this name in some stage of {@code service} (null: the file has
     * none, so a name that needs it matches nothing).
     */
    boolean matchesSomeStage(String realName, String service) {
        if (!ReferenceText.hasReferences(text()) || service == null && text().contains("${service}")) {
            return false;
        }
        String pattern = ReferenceText.replace(value, reference -> switch (reference) {
            case "service" -> Pattern.quote(service);
            case "stage" -> NameRules.STAGE_SYNTAX;
            default -> "[A-Za-z0-9_.-]+";
        }, Pattern::quote);
        return realName.matches(pattern);
    }
}

package dev.dynctl.model;

import dev.dynctl.model.yaml.Location;
import java.util.Optional;

/**
 * A table of the project file.
 *
 * @param logicalName its key under {@code tables:}, what the rest of the file calls it
 * @param name its {@code name:} as written (it may hold {@code ${stage}}), by default the logical name
 * @param schema null when the table has no {@code schema:}
 * @param nameSetting the {@code name:} setting; null when the file gives none
 * @param layout keys, indexes, TTL and stream, for deploys
 * @param location where its key is, for errors about the table as a whole
 */
public record ProjectTable(String logicalName, String name, TableSchema schema, TableNameSetting nameSetting,
                           TableLayout layout, Location location) {
    public Optional<TableSchema> tableSchema() {
        return Optional.ofNullable(schema);
    }

    /**
     * Whether commands naming the real table {@code realName} mean this table: its {@code name:}
     * (by default its key), as always; and, for a service, its name in any stage (notes-dev-items).
     *
     * @param service null when the file names none
     */
    boolean isNamed(String realName, String service) {
        if (realName.equals(name)) {
            return true;
        }
        if (nameSetting != null) {
            return nameSetting.matchesSomeStage(realName, service);
        }
        if (service == null || !realName.startsWith(service + "-") || !realName.endsWith("-" + logicalName)) {
            return false;
        }
        int stageEnd = realName.length() - logicalName.length() - 1;
        return stageEnd > service.length() + 1 && NameRules.isStage(realName.substring(service.length() + 1, stageEnd));
    }

    /** How hints show the table's real name: notes-STAGE-items for a service's table, the stage standing for any. */
    String shownName(String service) {
        if (nameSetting != null) {
            String shown = name.replace("${stage}", "STAGE");
            return service == null ? shown : shown.replace("${service}", service);
        }
        return service == null ? name : name + " (" + new StageNames(service, "STAGE").of(logicalName) + ")";
    }
}

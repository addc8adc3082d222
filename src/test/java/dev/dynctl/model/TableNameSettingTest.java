package dev.dynctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A table's name: template: where ${stage} may stand, and what its errors show. */
class TableNameSettingTest {
    private static final Location AT = new Location("dynctl.yaml", 4, 11);

    @Test
    void theStageStandsBetweenSeparatorsOrAtAnEnd() {
        for (String name : new String[] {"shop-${stage}-users", "${stage}_users", "users.${stage}", "${env:PREFIX}-${stage}"}) {
            assertThat(read(name).text()).isEqualTo(name);
        }
    }

    @Test
    void theStageInsideAWordIsRefusedAtItsPlace() {
        for (String name : new String[] {"shop${stage}-users", "users-${stage}x", "${service}${stage}"}) {
            assertThatThrownBy(() -> read(name)).isInstanceOfSatisfying(DynctlException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.getMessage()).isEqualTo("dynctl.yaml:4:11: name '" + name + "' (table 'users') puts ${stage} inside a word;"
                        + " it must stand between '-', '_' or '.', or at an end.");
                assertThat(e.hint()).isEqualTo("e.g. name: shop-${stage}-users");
            });
        }
    }

    @Test
    void aNameThatIsNotATableNameOnceResolvedNeverShowsAnEnvironmentValue() {
        TableNameSetting setting = read("${env:PREFIX}-${stage}");

        assertThatThrownBy(() -> setting.resolve("notes", "dev", Map.of("PREFIX", "s3cret value"), "table 'users'"))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("dynctl.yaml:4:11: '${env:PREFIX}-${stage}' in stage dev (table 'users') is not a DynamoDB table name: "
                                + TableNameSetting.TABLE_NAME_RULE + ".")
                        .doesNotContain("s3cret"));
        assertThatThrownBy(() -> read("${stage}").resolve("notes", "d", Map.of(), "table 'users'"))
                .as("without ${env:…} the name made is shown").hasMessage("dynctl.yaml:4:11: 'd' (table 'users') is not a DynamoDB table name: " + TableNameSetting.TABLE_NAME_RULE + ".");
    }

    private static TableNameSetting read(String name) {
        return TableNameSetting.read(new YamlScalar(name, true, false, AT), "table 'users'");
    }
}

package dev.dynctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stage and service names end up inside every resource's name: notes-dev-items, never notes-dev--items. */
class NameRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "pr-123", "a1-b2-c3"})
    void wordsJoinedBySingleDashesAreStages(String stage) {
        assertThat(NameRules.checkStage(stage)).isEqualTo(stage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-", "dev--x", "a---b"})
    void aDashAtTheEndOrTwiceInARowIsRefusedSayingWhy(String stage) {
        assertThatThrownBy(() -> NameRules.checkStage(stage))
                .isInstanceOfSatisfying(DynctlException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("'" + stage + "' is not a stage name: a '-' joins two words: not at the end, nor two in a row.");
        assertThatThrownBy(() -> NameRules.checkService(stage))
                .hasMessageStartingWith("'" + stage + "' is not a service name: a '-' joins two words");
    }
}

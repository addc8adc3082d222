package dev.dynctl.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentChangeTest {
    private static final Map<String, String> CURRENT = Map.of("AA", "1", "BB", "2", "CC", "3");

    @Test
    void envGivesTheWholeEnvironmentUnsetRemovesSomeClearRemovesAll() {
        assertThat(EnvironmentChange.of(List.of("AA=9", "DD=x=y"), List.of(), false).applyTo(CURRENT)).containsExactly(
                Map.entry("AA", "9"), Map.entry("DD", "x=y"));
        assertThat(EnvironmentChange.of(List.of(), List.of("BB", "ZZ"), false).applyTo(CURRENT)).containsExactly(
                Map.entry("AA", "1"), Map.entry("CC", "3"));
        assertThat(EnvironmentChange.of(List.of(), List.of(), true).applyTo(CURRENT)).isEmpty();
        assertThat(EnvironmentChange.of(List.of(), List.of(), false).isNone()).isTrue();
        assertThat(EnvironmentChange.of(List.of(), List.of("BB"), false).isNone()).isFalse();
    }

    @Test
    void aVariableNameFollowsLambdasRuleAndItsValueIsNeverRepeated() {
        assertThat(EnvironmentChange.of(List.of("LOG_LEVEL=debug", "x1=2"), List.of(), false).variables()).containsOnlyKeys("LOG_LEVEL", "x1");
        for (String name : List.of("1BAD", "A", "_X", "MY-VAR", "É1")) {
            assertUsage(() -> EnvironmentChange.of(List.of(name + "=s3cret"), List.of(), false),
                    "--env " + name + ": a variable's name is a letter and then at least one more letter, digit or '_' (Lambda's rule).");
        }
    }

    @Test
    void removingFromAWholeEnvironmentOrANameWithAValueIsBadInputThatRepeatsNoValue() {
        assertUsage(() -> EnvironmentChange.of(List.of("AA=s3cret"), List.of("BB"), false), "--env gives the whole environment; --unset-env cannot go with it.");
        assertUsage(() -> EnvironmentChange.of(List.of("AA=s3cret"), List.of(), true), "--env gives the whole environment; --clear-env cannot go with it.");
        assertUsage(() -> EnvironmentChange.of(List.of(), List.of("BB"), true), "--clear-env removes every variable; --unset-env cannot go with it.");
        assertUsage(() -> EnvironmentChange.of(List.of(), List.of("KEY=s3cret"), false), "--unset-env takes a variable's NAME only.");
        assertUsage(() -> EnvironmentChange.of(List.of("TABLE"), List.of(), false), "--env 'TABLE' is not NAME=VALUE.");
    }

    private static void assertUsage(Runnable change, String message) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.getMessage() + e.hint()).doesNotContain("s3cret");
        });
    }
}

package dev.dynctl.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentChangeTest {
    private static final Map<String, String> CURRENT = Map.of("A", "1", "B", "2", "C", "3");

    @Test
    void envGivesTheWholeEnvironmentUnsetRemovesSomeClearRemovesAll() {
        assertThat(EnvironmentChange.of(List.of("A=9", "D=x=y"), List.of(), false).applyTo(CURRENT)).containsExactly(
                Map.entry("A", "9"), Map.entry("D", "x=y"));
        assertThat(EnvironmentChange.of(List.of(), List.of("B", "Z"), false).applyTo(CURRENT)).containsExactly(
                Map.entry("A", "1"), Map.entry("C", "3"));
        assertThat(EnvironmentChange.of(List.of(), List.of(), true).applyTo(CURRENT)).isEmpty();
        assertThat(EnvironmentChange.of(List.of(), List.of(), false).isNone()).isTrue();
        assertThat(EnvironmentChange.of(List.of(), List.of("B"), false).isNone()).isFalse();
    }

    @Test
    void removingFromAWholeEnvironmentOrANameWithAValueIsBadInputThatRepeatsNoValue() {
        assertUsage(() -> EnvironmentChange.of(List.of("A=s3cret"), List.of("B"), false), "--env gives the whole environment; --unset-env cannot go with it.");
        assertUsage(() -> EnvironmentChange.of(List.of("A=s3cret"), List.of(), true), "--env gives the whole environment; --clear-env cannot go with it.");
        assertUsage(() -> EnvironmentChange.of(List.of(), List.of("B"), true), "--clear-env removes every variable; --unset-env cannot go with it.");
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

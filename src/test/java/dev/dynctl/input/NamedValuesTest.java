package dev.dynctl.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedValuesTest {
    @Test
    void theNameEndsAtTheFirstSeparatorAndTheValueIsTheRestAsWritten() {
        assertThat(NamedValues.pairs(List.of("a=1", "b=x=y", "c=", "a=2"), '=', "--query-param", "--query-param color=red")).containsExactly(
                Map.entry("a", "1"), Map.entry("b", "x=y"), Map.entry("c", ""), Map.entry("a", "2"));
        assertThat(NamedValues.pairs(List.of("Accept: text/plain", "X-Time:12:30"), ':', "--header", "--header 'Accept: text/plain'"))
                .containsExactly(Map.entry("Accept", " text/plain"), Map.entry("X-Time", "12:30"));
        assertThat(NamedValues.unique(List.of("A=1", "B=2"), '=', "--env", "--env TABLE=orders")).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void errorsNameTheOptionGiveAnExampleAndNeverRepeatAValue() {
        assertThatThrownBy(() -> NamedValues.unique(List.of("TABLE"), '=', "--env", "--env TABLE=orders"))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("--env 'TABLE' is not NAME=VALUE.");
                    assertThat(e.hint()).isEqualTo("Give each as --env NAME=VALUE, e.g. --env TABLE=orders (repeat --env for more).");
                });
        assertThatThrownBy(() -> NamedValues.unique(List.of("=s3cret"), '=', "--env", "--env TABLE=orders"))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("A value of --env has no NAME before its '='.");
                    assertThat(e.getMessage() + e.hint()).doesNotContain("s3cret");
                });
        assertThatThrownBy(() -> NamedValues.unique(List.of("KEY=s3cret", "KEY=other"), '=', "--env", "--env TABLE=orders"))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("--env KEY is given twice.");
                    assertThat(e.getMessage() + e.hint()).doesNotContain("s3cret", "other");
                });
        assertThatThrownBy(() -> NamedValues.pairs(List.of(":Bearer s3cret"), ':', "--header", "--header 'Accept: text/plain'"))
                .isInstanceOfSatisfying(DynctlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("A value of --header has no NAME before its ':'.");
                    assertThat(e.hint()).contains("--header NAME:VALUE", "--header 'Accept: text/plain'");
                    assertThat(e.getMessage() + e.hint()).doesNotContain("s3cret");
                });
    }
}

package dev.dynctl.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import org.junit.jupiter.api.Test;

class FunctionNameTest {
    @Test
    void namesArnsAndPartialArnsWithOrWithoutAQualifierAreFunctions() {
        assertThat(FunctionName.of("get-item")).isEqualTo(new FunctionName("get-item", "get-item", null));
        assertThat(FunctionName.of("get_item:live")).isEqualTo(new FunctionName("get_item:live", "get_item", "live"));
        assertThat(FunctionName.of("get-item:$LATEST").qualifier()).isEqualTo("$LATEST");
        assertThat(FunctionName.of("arn:aws:lambda:us-east-1:123456789012:function:get-item").name()).isEqualTo("get-item");
        assertThat(FunctionName.of("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:get-item:3").qualifier()).isEqualTo("3");
        assertThat(FunctionName.of("arn:aws-cn:lambda:cn-north-1:123456789012:function:f").name()).isEqualTo("f");
        assertThat(FunctionName.of("123456789012:function:get-item").name()).isEqualTo("get-item");
        assertThat(FunctionName.of("a".repeat(64)).name()).hasSize(64);
    }

    @Test
    void anythingElseIsUsageNamingLambdasRule() {
        for (String bad : new String[] {"bad name!", "get.item", "a".repeat(65), "f:", "f:a b", "arn:aws:lambda:us-east-1:1234:function:f",
            "arn:aws:s3:::bucket", "123456789012:function:"}) {
            assertUsage(() -> FunctionName.of(bad), "'" + bad + "' is not a function name or ARN: Lambda takes 1 to 64 letters, digits, '-' and '_', "
                    + "or the function's ARN.");
        }
        assertUsage(() -> FunctionName.of(""), "The function name is empty: Lambda takes 1 to 64 letters, digits, '-' and '_', or the function's ARN.");
    }

    @Test
    void deployAndDeleteTakeTheFunctionItself() {
        assertThat(FunctionName.of("arn:aws:lambda:us-east-1:123456789012:function:f").unqualified("delete").name()).isEqualTo("f");
        assertUsage(() -> FunctionName.of("f:live").unqualified("deploy"), "'f:live' names version or alias 'live'; function deploy takes the function itself.");
    }

    @Test
    void aliasesAreNotAllDigitsAndQualifiersFollowLambdasRule() {
        assertThat(FunctionName.alias("live")).isEqualTo("live");
        assertThat(FunctionName.alias("v2")).isEqualTo("v2");
        assertThat(FunctionName.alias("a".repeat(128))).hasSize(128);
        for (String bad : new String[] {"5", "123", "bad alias!", "", "a".repeat(129), "$LATEST"}) {
            assertUsage(() -> FunctionName.alias(bad), "'" + bad + "' is not an alias name: Lambda takes 1 to 128 letters, digits, '-' and '_', not all digits.");
        }
        assertThat(FunctionName.qualifier("$LATEST")).isEqualTo("$LATEST");
        assertThat(FunctionName.qualifier("3")).isEqualTo("3");
        assertUsage(() -> FunctionName.qualifier("a b"), "'a b' is not a version or alias: Lambda takes $LATEST, a version number, or 1 to 128 letters, "
                + "digits, '-' and '_'.");
    }

    @Test
    void memoryAndTimeoutAreWithinLambdasLimits() {
        assertThat(new FunctionSettings(null, null, 128, 1, EnvironmentChange.NONE, null, null).memoryMb()).isEqualTo(128);
        assertThat(new FunctionSettings(null, null, 10240, 900, EnvironmentChange.NONE, null, null).timeoutSeconds()).isEqualTo(900);
        assertUsage(() -> new FunctionSettings(null, null, 127, null, EnvironmentChange.NONE, null, null), "--memory 127 is out of range: Lambda takes 128 to 10240 MB.");
        assertUsage(() -> new FunctionSettings(null, null, 10241, null, EnvironmentChange.NONE, null, null), "--memory 10241 is out of range: Lambda takes 128 to 10240 MB.");
        assertUsage(() -> new FunctionSettings(null, null, null, 0, EnvironmentChange.NONE, null, null), "--timeout 0 is out of range: Lambda takes 1 to 900 seconds.");
        assertUsage(() -> new FunctionSettings(null, null, null, 901, EnvironmentChange.NONE, null, null), "--timeout 901 is out of range: Lambda takes 1 to 900 seconds.");
    }

    private static void assertUsage(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.hint()).isNotBlank();
        });
    }
}

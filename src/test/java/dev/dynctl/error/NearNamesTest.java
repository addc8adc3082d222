package dev.dynctl.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names "Did you mean" offers, and in which order. */
class NearNamesTest {
    private static String withoutLambda(String name) {
        return name.replaceFirst("^/aws/lambda/", "");
    }

    @Test
    void closestFirstAndFarNamesLeftOut() {
        assertThat(NearNames.among(List.of("orders-archive", "ordrs", "users", "orders"), "order"))
                .containsExactly("orders", "ordrs");
        assertThat(NearNames.among(List.of("users", "orders-archive"), "order")).containsExactly("orders-archive");
        assertThat(NearNames.among(List.of("bulk", "myapp"), "myap")).containsExactly("myapp");
    }

    @Test
    void aPrefixTheNamesShareNeitherLetsFarNamesThroughNorOrdersThem() {
        List<String> names = List.of("get-item", "quiet-fn", "/aws/lambda/bulk", "/aws/lambda/get-item", "/aws/lambda/quiet-fn", "myapp");

        assertThat(NearNames.among(names, "myap", NearNamesTest::withoutLambda)).containsExactly("myapp");
        assertThat(NearNames.among(names, "quiet-fm", NearNamesTest::withoutLambda)).containsExactly("quiet-fn", "/aws/lambda/quiet-fn");
    }

    @Test
    void aNameThatOnlyContainsTheOneWantedIsLeftOutBesideOneATypoAway() {
        assertThat(NearNames.among(List.of("nightly", "nightly-1d8e1add"), "nightly-1d8e1addx")).containsExactly("nightly-1d8e1add");
        assertThat(NearNames.among(List.of("nightly"), "nightly-1d8e1addx")).containsExactly("nightly");
    }

    @Test
    void aNameTooShortToSaySomethingIsNoPartOfAnother() {
        assertThat(NearNames.among(List.of("a", "ab", "orders"), "my-orders-table")).containsExactly("orders");
    }

    @Test
    void theHintListsThemOrSaysWhatToDo() {
        assertThat(NearNames.hint(List.of("a", "b"), "List them.")).isEqualTo("Did you mean 'a', 'b'?");
        assertThat(NearNames.hint(List.of(), "List them.")).isEqualTo("List them.");
    }
}

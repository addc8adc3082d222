package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("日本")).isEqualTo(4);
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1);
        assertThat(DisplayWidth.of("😀")).isEqualTo(2);
    }

    @Test
    void truncateEndsInAnEllipsisWithinTheWidth() {
        assertThat(DisplayWidth.truncate("hello", 5)).isEqualTo("hello");
        assertThat(DisplayWidth.truncate("hello!", 5)).isEqualTo("hell…");
        assertThat(DisplayWidth.truncate("日本語", 4)).isEqualTo("日…");
        assertThat(DisplayWidth.truncate("😀😀", 3)).isEqualTo("😀…");
    }

    @Test
    void wrapBreaksAfterSpacesWhenItCan() {
        assertThat(DisplayWidth.wrap("one two three", 8)).containsExactly("one two", "three");
        assertThat(DisplayWidth.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(DisplayWidth.wrap("", 4)).containsExactly("");
    }
}

package dev.dynctl.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order shards are read in. moto keeps one shard per stream, so splits and roll-overs are
 * played here, as DescribeStream would list them.
 */
class ShardLineageTest {
    private static ShardLineage.Shard closed(String id, String parent) {
        return new ShardLineage.Shard(id, parent, true);
    }

    private static ShardLineage.Shard open(String id, String parent) {
        return new ShardLineage.Shard(id, parent, false);
    }

    private static List<String> startReady(ShardLineage lineage) {
        return lineage.startReady().stream().map(ShardLineage.Shard::id).toList();
    }

    @Test
    void shardsWithoutParentsStartTogether() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(open("a", null), open("b", null)));

        assertThat(startReady(lineage)).containsExactly("a", "b");
        assertThat(startReady(lineage)).as("started once").isEmpty();
    }

    @Test
    void childrenOfASplitWaitForTheirParentToBeReadToItsEndThenStartTogether() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(open("left", "p"), closed("p", null), open("right", "p")));

        assertThat(startReady(lineage)).containsExactly("p");
        assertThat(startReady(lineage)).as("the parent is still being read").isEmpty();

        lineage.finished("p");
        assertThat(startReady(lineage)).containsExactly("left", "right");
    }

    @Test
    void aChainOfRollOversIsReadOneGenerationAfterTheOther() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(open("c", "b"), closed("b", "a"), closed("a", null)));

        assertThat(startReady(lineage)).containsExactly("a");
        lineage.finished("a");
        assertThat(startReady(lineage)).containsExactly("b");
        lineage.finished("b");
        assertThat(startReady(lineage)).containsExactly("c");
    }

    @Test
    void aChildWhoseParentIsTrimmedAwayStartsAtOnce() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(open("child", "trimmed-long-ago")));

        assertThat(startReady(lineage)).containsExactly("child");
    }

    @Test
    void aParentTrimmedBeforeItWasReadNoLongerHoldsItsChildBack() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(closed("p", null), open("child", "p")));
        // nothing started yet; the next listing no longer has p
        lineage.update(List.of(open("child", "p")));

        assertThat(startReady(lineage)).containsExactly("child");
    }

    @Test
    void aParentTrimmedWhileItIsReadStillHoldsItsChildBackUntilItsReaderIsDone() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(closed("p", null), open("child", "p")));
        assertThat(startReady(lineage)).containsExactly("p");

        lineage.update(List.of(open("child", "p")));
        assertThat(startReady(lineage)).isEmpty();
        lineage.finished("p");
        assertThat(startReady(lineage)).containsExactly("child");
    }

    @Test
    void shardsFoundWhileFollowingStartOnceTheirParentIsDone() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(open("a", null)));
        assertThat(startReady(lineage)).containsExactly("a");

        // a closes as it splits; the next listing shows it closed, with two children
        lineage.update(List.of(closed("a", null), open("a1", "a"), open("a2", "a")));
        assertThat(startReady(lineage)).isEmpty();
        lineage.finished("a");
        assertThat(startReady(lineage)).containsExactly("a1", "a2");

        // a later listing without a (trimmed) starts nothing twice
        lineage.update(List.of(open("a1", "a"), open("a2", "a")));
        assertThat(startReady(lineage)).isEmpty();
    }

    @Test
    void shardsMarkedFinishedBeforeTheyStartAreNeverRead() {
        ShardLineage lineage = new ShardLineage();
        lineage.update(List.of(closed("old", null), open("now", "old")));
        // a tail from the latest change skips closed shards
        lineage.finished("old");

        assertThat(startReady(lineage)).containsExactly("now");
        lineage.update(List.of(closed("old", null), open("now", "old")));
        assertThat(startReady(lineage)).as("a later listing keeps it finished").isEmpty();
    }
}

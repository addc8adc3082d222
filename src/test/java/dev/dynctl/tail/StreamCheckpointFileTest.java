package dev.dynctl.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCheckpointFileTest {
    @TempDir
    Path folder;

    @Test
    void whatIsWrittenReadsBackShardByShardInOrder() {
        StreamCheckpointFile file = new StreamCheckpointFile(folder.resolve("t.tail"));
        Map<String, ShardPosition> shards = new LinkedHashMap<>();
        shards.put("shard-c", new ShardPosition("300", Instant.parse("2026-05-01T10:15:03Z"), null, false));
        shards.put("shard-a", ShardPosition.FINISHED);
        shards.put("shard-b", ShardPosition.since(Instant.parse("2026-05-01T10:00:00.5Z")));
        shards.put("shard-d", ShardPosition.HORIZON);

        assertThat(file.read()).isEmpty();
        file.write(new StreamCheckpoint("t", "arn:aws:dynamodb:us-east-1:1:table/t/stream/x", shards));

        StreamCheckpoint back = file.read().orElseThrow();
        assertThat(back.table()).isEqualTo("t");
        assertThat(back.shards()).containsExactlyEntriesOf(shards);
    }

    @Test
    void theFileIsItsOwnersOnlyEvenWhenAnOldTemporaryFileWasNot() throws Exception {
        Path path = folder.resolve("t.tail");
        Path leftOver = folder.resolve("t.tail.tmp");
        Files.writeString(leftOver, "half");
        Files.setPosixFilePermissions(leftOver, PosixFilePermissions.fromString("rw-rw-rw-"));

        new StreamCheckpointFile(path).write(new StreamCheckpoint("t", "arn", Map.of()));

        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(leftOver).doesNotExist();
    }

    @Test
    void aFileThatIsNotOneIsAUsageError() throws Exception {
        Path path = folder.resolve("broken.tail");
        Files.writeString(path, "{\"version\": 1, \"table\": \"t\", \"streamArn\": \"a\", \"shards\": {\"s\": {\"time\": \"noon\"}}}");

        DynctlException e = catchThrowableOfType(DynctlException.class, () -> new StreamCheckpointFile(path).read());

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("Cannot read the checkpoint " + path + ": its time 'noon' is not a time.");
        Files.writeString(path, "{not json");
        assertThat(catchThrowableOfType(DynctlException.class, () -> new StreamCheckpointFile(path).read()).getMessage())
                .startsWith("Cannot read the checkpoint " + path + ": ");
    }

    @Test
    void aFolderThatDoesNotExistIsAFailureThatSaysWhichFile() {
        Path path = folder.resolve("missing").resolve("t.tail");

        DynctlException e = catchThrowableOfType(DynctlException.class,
                () -> new StreamCheckpointFile(path).write(new StreamCheckpoint("t", "arn", Map.of())));

        assertThat(e.getMessage()).startsWith("Cannot write the checkpoint " + path);
    }
}

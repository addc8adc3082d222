package dev.dynctl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    @TempDir
    Path folder;

    @Test
    void anImportsCheckpointIsItsOwnersOnlyAndReadsBack() throws Exception {
        Path input = folder.resolve("users.jsonl");
        Files.writeString(input, "{\"id\": \"u1\"}\n");
        CheckpointFile file = CheckpointFile.besides(input);
        Checkpoint checkpoint = new Checkpoint(ImportInput.of(input), "users", "somewhere", 10, 12);

        file.write(checkpoint);

        // it names the input, the table and where it is
        assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(folder.resolve("users.jsonl" + CheckpointFile.SUFFIX + ".tmp")).doesNotExist();
        assertThat(file.read()).isEqualTo(checkpoint);
    }
}

package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    @Test
    void theEnvironmentChoosesTheFile() {
        assertThat(HistoryFile.of(Map.of("DYNCTL_HISTORY", "/h/mine", "XDG_STATE_HOME", "/s", "HOME", "/home/ada")))
                .contains(Path.of("/h/mine"));
        assertThat(HistoryFile.of(Map.of("XDG_STATE_HOME", "/s", "HOME", "/home/ada"))).contains(Path.of("/s/dynctl/history"));
        // the XDG spec ignores a relative path
        assertThat(HistoryFile.of(Map.of("XDG_STATE_HOME", "s", "HOME", "/home/ada")))
                .contains(Path.of("/home/ada/.local/state/dynctl/history"));
        assertThat(HistoryFile.of(Map.of("HOME", "/home/ada"))).contains(Path.of("/home/ada/.local/state/dynctl/history"));
        assertThat(HistoryFile.of(Map.of("DYNCTL_HISTORY", "", "HOME", "/home/ada"))).isEmpty();
    }

    @Test
    void aNewFileAndItsFoldersAreTheOwnersOnly(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("state/dynctl/history");
        HistoryFile.prepare(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}

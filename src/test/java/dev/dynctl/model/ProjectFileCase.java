package dev.dynctl.model;

import static dev.dynctl.model.ProjectFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.io.TempDir;

/** What the project file's tests share: a directory for dynctl.yaml, a load that must fail, and where a message points. */
abstract class ProjectFileCase {
    @TempDir
    Path dir;

    /** Loading {@code yaml} as dynctl.yaml fails with a usage error (exit 2). */
    AbstractThrowableAssert<?, ? extends Throwable> loading(String yaml) {
        Path file = write(dir, yaml);
        return assertThatThrownBy(() -> ProjectFile.load(file))
                .isInstanceOf(DynctlException.class)
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    /** "DIR/dynctl.yaml:LINE:COLUMN: ", how a message starts that points into the file. */
    String at(int line, int column) {
        return dir.resolve(ProjectFile.FILE_NAME) + ":" + line + ":" + column + ": ";
    }

    static String hint(Throwable e) {
        return ((DynctlException) e).hint();
    }
}

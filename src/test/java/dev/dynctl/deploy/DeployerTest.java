package dev.dynctl.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ServiceStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the deployer runs a plan's steps and says where a failed one left the deploy. */
class DeployerTest {
    private final List<String> ran = new ArrayList<>();
    private final DeployContext context = new DeployContext(null, ServiceStage.nothing("notes", "dev", Path.of(".")), "123456789012",
            "us-east-1", "aws", note -> { });

    @Test
    void anyFailureOfAStepStopsTheDeploySayingWhereAndHowMuchWasDone() {
        Deployer deployer = new Deployer(List.of(c -> List.of(
                step(Change.create(ResourceKind.TABLE, "notes-dev-items"), () -> ran.add("table")),
                step(Change.create(ResourceKind.FUNCTION, "notes-dev-api"), () -> {
                    throw new UncheckedIOException(new IOException("Disk full\nmore detail"));
                }),
                step(Change.create(ResourceKind.FUNCTION, "notes-dev-worker"), () -> ran.add("worker")))));

        assertThatThrownBy(() -> deployer.apply(deployer.plan(context), context)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).isEqualTo("Deploy stopped at function notes-dev-api (create): UncheckedIOException: "
                    + "java.io.IOException: Disk full. 1 of 3 changes made.");
            assertThat(e.hint()).isEqualTo("Run again with --debug for the stack trace. "
                    + "Run the same deploy again to go on from here: what was made is kept and not made twice.");
            assertThat(e.getCause().getCause()).isInstanceOf(UncheckedIOException.class);
        });
        assertThat(ran).containsExactly("table");
    }

    @Test
    void aFailureInDynctlsOwnWordsKeepsItsExitCodeAndHint() {
        Deployer deployer = new Deployer(List.of(c -> List.of(step(Change.delete(ResourceKind.TABLE, "notes-dev-old"), () -> {
            throw DynctlException.usage("No room.", "Free some.");
        }))));

        assertThatThrownBy(() -> deployer.apply(deployer.plan(context), context)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).isEqualTo("Deploy stopped at table notes-dev-old (delete): No room. 0 of 1 changes made.");
            assertThat(e.hint()).startsWith("Free some. Run the same deploy again");
        });
    }

    @Test
    void anInterruptedDeploySaysWhereItStoppedAndExits130() {
        Deployer deployer = new Deployer(List.of(c -> List.of(
                step(Change.create(ResourceKind.TABLE, "notes-dev-items"), () -> ran.add("table")),
                new Step() {
                    @Override
                    public Change change() {
                        return Change.create(ResourceKind.FUNCTION, "notes-dev-api");
                    }

                    @Override
                    public void apply() throws InterruptedException {
                        throw new InterruptedException();
                    }
                })));

        assertThatThrownBy(() -> deployer.apply(deployer.plan(context), context)).isInstanceOfSatisfying(DynctlException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(e.getMessage()).isEqualTo("Deploy stopped at function notes-dev-api (create): Interrupted. 1 of 2 changes made.");
            assertThat(e.hint()).startsWith("Run the same deploy again to go on from here");
        });
    }

    private static Step step(Change change, Runnable calls) {
        return CallingStep.of(change, calls::run);
    }
}

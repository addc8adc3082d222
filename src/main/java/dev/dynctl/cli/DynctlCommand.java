package dev.dynctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every command that does work: reaches the run's {@link Context} through the root command. */
public abstract class DynctlCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected Context context() {
        return ((Dynctl) spec.root().userObject()).context();
    }

    @Override
    public final Integer call() throws Exception {
        run(context());
        return 0;
    }

    /** Does the command's work; failures leave as exceptions through the one error path. */
    protected abstract void run(Context context) throws Exception;
}

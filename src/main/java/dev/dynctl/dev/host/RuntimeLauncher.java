package dev.dynctl.dev.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How one runtime family starts an instance of one version of a function. */
interface RuntimeLauncher {
    /**
     * Once, before the version's first instance: finds the interpreter, provides what Lambda's
     * runtime would (the AWS SDK for Node.js), checks the code has what the runtime runs.
     */
    void prepare(Path taskRoot) throws InitFailure;

    /** The instance's command line; it runs in {@code taskRoot}. */
    List<String> command(Path taskRoot);

    /** Variables this runtime adds to Lambda's (NODE_PATH, PYTHONPATH). */
    Map<String, String> environment(Path taskRoot);

    /** The fix when the command cannot be run at all. */
    String installHint();

    /**
     * Whether the runtime writes {@link OutputLines#END_MARKER} after each invocation's output
     * (dynctl's own runtimes do); for others the host waits for their output to pause.
     */
    default boolean marksOutput() {
        return false;
    }
}

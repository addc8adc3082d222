package dev.dynctl.dev.host;

import dev.dynctl.dev.LocalFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** nodejs* runtimes: the machine's node runs dynctl's runtime, which loads the handler (CommonJS or ES module). */
final class NodeLauncher implements RuntimeLauncher {
    private final LocalFunction function;
    private final RuntimeFiles files;
    private final NodeSdk sdk;

    NodeLauncher(LocalFunction function, RuntimeFiles files, NodeSdk sdk) {
        this.function = function;
        this.files = files;
        this.sdk = sdk;
    }

    @Override
    public void prepare(Path taskRoot) {
        files.file(RuntimeFiles.NODE_SDK_HOOKS);
        sdk.provideFor(function, taskRoot);
    }

    @Override
    public List<String> command(Path taskRoot) {
        return List.of("node", files.file(RuntimeFiles.NODE_RUNTIME).toString());
    }

    /**
     * NODE_PATH is where require() looks after the code's own node_modules; dynctl's runtime makes
     * import look there too for @aws-sdk/* (Lambda's runtime provides the SDK the same way).
     */
    @Override
    public Map<String, String> environment(Path taskRoot) {
        return Map.of("NODE_PATH", sdk.modules().toString());
    }

    @Override
    public String installHint() {
        return "Install Node.js (node on PATH): " + function.runtime() + " functions run on it.";
    }

    @Override
    public boolean marksOutput() {
        return true;
    }
}

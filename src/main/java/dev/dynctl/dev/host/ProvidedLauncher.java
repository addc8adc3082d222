package dev.dynctl.dev.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** provided* runtimes: the code's own bootstrap executable speaks the Runtime API. */
final class ProvidedLauncher implements RuntimeLauncher {
    private final String function;

    ProvidedLauncher(String function) {
        this.function = function;
    }

    @Override
    public void prepare(Path taskRoot) throws InitFailure {
        Path bootstrap = taskRoot.resolve("bootstrap");
        if (!Files.isRegularFile(bootstrap)) {
            throw new InitFailure("Function " + function + " has no bootstrap: a provided runtime runs the executable file named bootstrap"
                    + " at the top of the function's code (" + taskRoot + ").");
        }
        if (!Files.isExecutable(bootstrap)) {
            throw new InitFailure("The bootstrap of function " + function + " is not executable: chmod +x " + bootstrap);
        }
    }

    @Override
    public List<String> command(Path taskRoot) {
        return List.of(taskRoot.resolve("bootstrap").toString());
    }

    @Override
    public Map<String, String> environment(Path taskRoot) {
        return Map.of();
    }

    @Override
    public String installHint() {
        return "Check that " + function + "'s bootstrap starts with a #! line naming a program this machine has.";
    }
}

package dev.dynctl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The AWS CLI v2 (Debian's awscli, /usr/bin/aws) pointed at the test engine: our peer for cross-checks. */
public final class AwsCli {
    public static final Path BINARY = Path.of("/usr/bin/aws");

    private AwsCli() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Cli.Result run(String... args) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("awscli-home");
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", MotoServer.get().endpoint().toString(), "--region", Cli.REGION, "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_PAGER", "");
        Path out = home.resolve("out");
        Path err = home.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish");
        }
        return new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

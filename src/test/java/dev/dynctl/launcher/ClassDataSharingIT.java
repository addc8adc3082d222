package dev.dynctl.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.MotoServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher's start-up settings: the per-user class data sharing archive it records
 * on the first run that does real work, the terminal facts and the encoding it hands to the JVM.
 * Whatever happens to the archive, the user sees only dynctl's own output.
 */
class ClassDataSharingIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("dynctl.home", "target/dynctl"), "bin", "dynctl").toAbsolutePath();

    @TempDir
    Path folder;

    private final Map<String, String> env = new HashMap<>();

    private Result launch(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("DYNCTL_") || k.startsWith("XDG_"));
        pb.environment().put("HOME", folder.toString());
        pb.environment().put("XDG_CACHE_HOME", cache().getParent().toString());
        pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Result result = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertThat(result.out() + result.err()).as("JVM messages never reach the user")
                .doesNotContain("[warning]", "[error", "cds", "shared archive", "Error occurred during initialization");
        return result;
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(LAUNCHER, args);
    }

    private Result tableList() throws IOException, InterruptedException {
        return launch("table", "list", "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", "us-east-1", "-o", "json");
    }

    private Path cache() {
        return folder.resolve("cache").resolve("dynctl");
    }

    private List<String> cached() throws IOException {
        if (!Files.isDirectory(cache())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRunThatTalksToDynamoDbRecordsTheArchiveAndLaterRunsUseIt() throws Exception {
        assertThat(launch("--version").code()).isZero();
        assertThat(cached()).as("--version loads too little to record").isEmpty();

        Result first = tableList();
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(cached()).singleElement().asString().contains("-dynctl-").endsWith(".jsa");

        Path classes = folder.resolve("classes.log");
        env.put("DYNCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        Result second = tableList();
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(classes)).as("classes come from the archive").contains("shared objects file (top)");
        assertThat(cached()).hasSize(1);
    }

    @Test
    void aRunThatFailsRecordsNothing() throws Exception {
        Result r = launch("table", "list");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No AWS region");
        assertThat(cached()).isEmpty();
    }

    @Test
    void aCacheFolderThatCannotBeCreatedIsSkipped() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "");
        env.put("XDG_CACHE_HOME", file.resolve("cache").toString());

        Result r = tableList();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void dynctlCdsOffTurnsItOff() throws Exception {
        env.put("DYNCTL_CDS", "off");
        assertThat(tableList().code()).isZero();
        assertThat(cached()).isEmpty();
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneIsRemoved() throws Exception {
        assertThat(tableList().code()).isZero();
        String old = cached().get(0);
        Path stale = cache().resolve(old.replaceFirst("-[0-9]+\\.jsa$", "-1.jsa"));
        Files.move(cache().resolve(old), stale);

        assertThat(tableList().code()).isZero();
        assertThat(cached()).containsExactly(old);
    }

    @Test
    void runsThroughSymlinksFromAnyFolderWithUtf8AndTheTerminalFacts() throws Exception {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path inner = Files.createSymbolicLink(folder.resolve("dynctl-link"), LAUNCHER);
        Path outer = Files.createSymbolicLink(bin.resolve("dynctl"), Path.of("..", "dynctl-link"));
        env.put("DYNCTL_JAVA_OPTS", "-XshowSettings:properties");

        Result r;
        try {
            r = launch(outer, "--version");
        } finally {
            // removed here: JUnit warns about links out of its temp dir when it cleans up
            Files.delete(outer);
            Files.delete(inner);
        }
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("dynctl ");
        assertThat(r.err()).contains("dynctl.tty.in = false", "dynctl.tty.out = false", "file.encoding = UTF-8",
                "sun.stdout.encoding = UTF-8", "sun.stderr.encoding = UTF-8",
                "dynctl.home = " + LAUNCHER.getParent().getParent().toRealPath());
    }

    @Test
    void onATerminalTheLauncherPassesItsWidth() throws Exception {
        // script(1) gives the launcher a terminal 50 columns wide
        String command = "stty cols 50; COLUMNS= DYNCTL_CDS=off DYNCTL_JAVA_OPTS=-XshowSettings:properties " + LAUNCHER + " --version";
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("dynctl.tty.out = true", "dynctl.columns = 50");
    }
}

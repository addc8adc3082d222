package dev.dynctl.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher (target/dynctl/bin/dynctl), run as a user runs it, from another folder. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("dynctl.home", "target/dynctl"), "bin", "dynctl").toAbsolutePath();

    @TempDir
    Path elsewhere;

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(true, args);
    }

    private Result launch(boolean credentials, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        if (credentials) {
            pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        }
        pb.environment().put("HOME", elsewhere.toString());
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsVersionAndHelpFromAnyFolder() throws Exception {
        Result version = launch("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("dynctl ");
        Result help = launch("item", "query", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Examples:");
    }

    @Test
    void talksToAnEngineAndMapsErrorsToExitCodes() throws Exception {
        String endpoint = MotoServer.get().endpoint().toString();
        String table = Engine.uniqueName("launcher");
        Result created = launch("table", "create", table, "--pk", "id:S", "--endpoint-url", endpoint, "--region", "us-east-1");
        assertThat(created.code()).as(created.toString()).isZero();
        Result put = launch("item", "put", table, "{\"id\": \"a\", \"n\": 1}", "--endpoint-url", endpoint, "--region", "us-east-1");
        assertThat(put.code()).as(put.toString()).isZero();
        Result got = launch("item", "get", table, "--key", "id=a", "--endpoint-url", endpoint, "--region", "us-east-1");
        assertThat(got.code()).as(got.toString()).isZero();
        assertThat(got.out()).contains("\"n\": 1");

        Result missing = launch("item", "get", table + "-nope", "--key", "id=a", "--endpoint-url", endpoint, "--region", "us-east-1");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("not found", table).doesNotContain("Exception", "\tat ");
        Result bad = launch("item", "put", table, "{\"id\": ", "--endpoint-url", endpoint, "--region", "us-east-1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("line 1").doesNotContain("\tat ");
    }

    @Test
    void unreachableEndpointGetsOneLineWithTheFix() throws Exception {
        int port = MotoServer.freePort();
        Result r = launch("table", "list", "--endpoint-url", "http://127.0.0.1:" + port, "--region", "us-east-1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot reach", "127.0.0.1:" + port).doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void missingCredentialsGetOneLineWithTheFix() throws Exception {
        Result r = launch(false, "table", "list", "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", "us-east-1");
        assertThat(r.code()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).contains("No AWS credentials", "aws configure").doesNotContain("\tat ");
    }

    @Test
    void missingRegionIsAUsageErrorNamingTheFlag() throws Exception {
        Result r = launch("table", "list");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("No AWS region", "--region");
    }
}

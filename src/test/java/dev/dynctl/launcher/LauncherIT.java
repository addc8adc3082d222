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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> env = new HashMap<>();
        if (credentials) {
            env.put("AWS_ACCESS_KEY_ID", "testing");
            env.put("AWS_SECRET_ACCESS_KEY", "testing");
        }
        return launch(env, args);
    }

    /** Runs the launcher with the AWS variables of the test's environment replaced by {@code env} (null: unset). */
    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    /** Runs a bash script in which $DYNCTL is the launcher (for pipelines). */
    private Result shell(String script, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("DYNCTL", LAUNCHER.toString());
        return run(List.of("bash", "-c", "set -o pipefail; " + script), all);
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().put("HOME", elsewhere.toString());
        // a null value removes the variable
        env.forEach((name, value) -> {
            if (value == null) {
                pb.environment().remove(name);
            } else {
                pb.environment().put(name, value);
            }
        });
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> testingKeys() {
        return Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");
    }

    private static String[] onMoto(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", MotoServer.get().endpoint().toString(), "--region", "us-east-1"));
        return all.toArray(String[]::new);
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

    @Test
    void printsUtf8WhateverTheLocale() throws Exception {
        String table = Engine.uniqueName("utf8");
        assertThat(launch(onMoto("table", "create", table, "--pk", "id:S")).code()).isZero();
        // the item comes from a file: under the C locale Java cannot even read non-ASCII arguments
        Path item = Files.writeString(elsewhere.resolve("item.json"), "{\"id\": \"u1\", \"name\": \"café ✓ 中\"}",
                StandardCharsets.UTF_8);
        Map<String, String> noLocale = new HashMap<>(testingKeys());
        noLocale.put("LANG", null);
        noLocale.put("LC_ALL", null);
        noLocale.put("LC_CTYPE", null);

        Result put = launch(noLocale, onMoto("item", "put", table, "@" + item));
        assertThat(put.code()).as(put.toString()).isZero();
        Result got = launch(noLocale, onMoto("item", "get", table, "--key", "id=u1", "-o", "json"));

        assertThat(got.code()).as(got.toString()).isZero();
        assertThat(got.out()).contains("\"name\": \"café ✓ 中\"");
    }

    @Test
    void aReaderThatGoesAwayStopsTheScan() throws Exception {
        String table = Engine.uniqueName("pipe");
        assertThat(launch(onMoto("table", "create", table, "--pk", "id:S")).code()).isZero();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            items.append("{\"id\": \"i").append(i).append("\"}\n");
        }
        Path file = Files.writeString(elsewhere.resolve("items.jsonl"), items);
        assertThat(launch(onMoto("item", "put", table, "@" + file)).code()).isZero();

        Result r = shell("\"$DYNCTL\" --debug item scan " + table + " --page-size 2 -o jsonl --endpoint-url "
                + MotoServer.get().endpoint() + " --region us-east-1 2> scan.err | head -n 1", testingKeys());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        String log = Files.readString(elsewhere.resolve("scan.err"), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("Error");
        // 100 pages of 2 items; once head has gone, no more pages are asked for
        assertThat(log.lines().filter(line -> line.startsWith("→ DynamoDB.Scan"))).hasSizeLessThan(10);
    }

    @Test
    void runningOutOfMemoryIsOneLineWithTheFix() throws Exception {
        String table = Engine.uniqueName("oom");
        assertThat(launch(onMoto("table", "create", table, "--pk", "id:S")).code()).isZero();
        Path big = elsewhere.resolve("big.json");
        Files.writeString(big, "{\"id\": \"big\", \"l\": [" + "0,".repeat(3_000_000) + "0]}");
        Map<String, String> smallHeap = new HashMap<>(testingKeys());
        smallHeap.put("DYNCTL_JAVA_OPTS", "-Xmx32m");

        Result r = launch(smallHeap, onMoto("item", "put", table, "@" + big));

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: Out of memory").contains("DYNCTL_JAVA_OPTS=-Xmx2g").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(2);
    }

    @Test
    void anEndpointFromTheEnvironmentIsNamedWithoutItsPassword() throws Exception {
        int port = MotoServer.freePort();
        Map<String, String> env = new HashMap<>(testingKeys());
        env.put("AWS_ENDPOINT_URL", "http://ada:s3cret@127.0.0.1:" + port);

        Result r = launch(env, "table", "list", "--region", "us-east-1");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot reach endpoint http://127.0.0.1:" + port + " (region us-east-1)")
                .doesNotContain("s3cret", "ada");
    }

    @Test
    void aProfileThatIsNotConfiguredIsACredentialsError() throws Exception {
        Path aws = Files.createDirectories(elsewhere.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[profile dev]\nregion = us-east-1\n");
        Files.writeString(aws.resolve("credentials"), "[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        String endpoint = MotoServer.get().endpoint().toString();

        Result dev = launch(false, "table", "list", "--profile", "dev", "--endpoint-url", endpoint);
        assertThat(dev.code()).as(dev.toString()).isZero();

        Result nope = launch(false, "table", "list", "--profile", "nope", "--endpoint-url", endpoint);
        assertThat(nope.code()).as(nope.toString()).isEqualTo(6);
        assertThat(nope.err()).contains("The profile 'nope' is not in ~/.aws/config or ~/.aws/credentials.",
                "aws configure --profile nope", "aws configure sso", "dev");
    }

    @Test
    void debugShowsEachCallButNeverTheSecretKey() throws Exception {
        Result r = launch(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIexampleSECRET"),
                onMoto("table", "list", "--debug"));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("→ DynamoDB.ListTables ListTablesRequest(", "← 200 in ")
                .doesNotContain("wJalrXUtnFEMIexampleSECRET", "Signature=");
    }

    @Test
    void awsProfileFromTheEnvironmentGivesRegionAndCredentials() throws Exception {
        Path aws = Files.createDirectories(elsewhere.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[profile team]\nregion = eu-west-2\n");
        Files.writeString(aws.resolve("credentials"), "[team]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        Result r = launch(Map.of("AWS_PROFILE", "team"), "item", "get", "no-such-table", "--key", "id=a",
                "--endpoint-url", MotoServer.get().endpoint().toString());
        // signed with the profile's keys (no credentials error) and sent to the profile's region
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Table 'no-such-table' not found in endpoint", "(region eu-west-2)");
    }

    @Test
    void ctrlCEndsACommandWith130AndNoStackTrace() throws Exception {
        String table = Engine.uniqueName("interrupt");
        assertThat(launch(onMoto("table", "create", table, "--pk", "id:S")).code()).isZero();
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "table", "wait", table, "--until", "deleted", "--timeout", "2m",
                "--debug", "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", "us-east-1").directory(elsewhere.toFile());
        pb.environment().putAll(testingKeys());
        pb.environment().put("DYNCTL_CDS", "off"); // the launcher execs java, so the signal reaches it as from a terminal
        Path err = elsewhere.resolve("interrupt-err.txt");
        Process wait = pb.redirectErrorStream(false).redirectError(err.toFile()).start();
        // --debug logs each request: once a DescribeTable has been answered, the command is polling
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(err).contains("← 200")) {
            assertThat(wait.isAlive()).as("still waiting for the table to go").isTrue();
            assertThat(System.nanoTime()).as("the command never polled").isLessThan(deadline);
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(wait.pid())).start().waitFor();
        assertThat(wait.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wait.exitValue()).isEqualTo(130);
        assertThat(Files.readString(err)).doesNotContain("\tat ", "Exception");
    }
}

package dev.dynctl.cli.tail;

import static dev.dynctl.tail.LogFixtures.event;
import static dev.dynctl.tail.LogFixtures.put;
import static dev.dynctl.tail.LogFixtures.secondsAgo;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.tail.LogFixtures;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** dynctl tail logs against moto: what a script and a person see, and how a follow ends. */
class TailLogsCommandTest {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ID = "8f5e1c2a-0000-4000-8000-000000000000";

    @Test
    void everyStreamIsPrintedInterleavedByTimeOneEventALine() {
        String group = "/test/" + Engine.uniqueName("tail");
        LogFixtures.group(group, "a", "b");
        long t = secondsAgo(120);
        put(group, "a", event(t, "first\n"), event(t + 2000, "third\n"));
        put(group, "b", event(t + 1000, "second\n"), event(t + 3000, "fourth\nwith a second line\n"));

        Cli.Result r = cli().aws("tail", "logs", group);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(time(t) + " first\n" + time(t + 1000) + " second\n" + time(t + 2000) + " third\n"
                + time(t + 3000) + " fourth\nwith a second line\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void sinceLeavesOutWhatCameBefore() {
        String group = "/test/" + Engine.uniqueName("since");
        LogFixtures.group(group, "s");
        put(group, "s", event(secondsAgo(1200), "twenty minutes ago"), event(secondsAgo(300), "five minutes ago"),
                event(secondsAgo(30), "just now"));

        assertThat(cli().aws("tail", "logs", group).out()).doesNotContain("twenty").contains("five minutes ago", "just now");
        assertThat(cli().aws("tail", "logs", group, "--since", "1m").out()).doesNotContain("five").contains("just now");
        assertThat(cli().aws("tail", "logs", group, "--since", "1h ago", "--until", "2m").out())
                .contains("twenty minutes ago", "five minutes ago", "just now");
        assertThat(cli().aws("tail", "logs", group, "--since", "1h", "--until", Instant.ofEpochMilli(secondsAgo(60)).toString()).out())
                .contains("twenty", "five").doesNotContain("just now");
    }

    @Test
    void aFunctionsNameOrArnReadsItsLogGroup() {
        String function = Engine.uniqueName("tailfn");
        String arn = Engine.function(function);
        LogFixtures.group("/aws/lambda/" + function, "2026/05/01/[$LATEST]abc");
        put("/aws/lambda/" + function, "2026/05/01/[$LATEST]abc", event(secondsAgo(10), "hello from the function\n"));

        for (String name : List.of(function, arn, function + ":live", "/aws/lambda/" + function)) {
            Cli.Result r = cli().aws("tail", "logs", name);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).endsWith(" hello from the function\n");
        }
    }

    @Test
    void aLogGroupWithoutASlashIsReadWhenNoFunctionHasItsName() {
        for (String group : List.of(Engine.uniqueName("tailbare"), "my.app." + Engine.uniqueName("logs"))) {
            LogFixtures.group(group, "s");
            put(group, "s", event(secondsAgo(10), "from " + group));

            Cli.Result r = cli().aws("tail", "logs", group);

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).endsWith(" from " + group + "\n");
        }
    }

    @Test
    void aNameThatIsNeitherIsNotFoundWithTheNearNames() {
        String function = Engine.uniqueName("tailnear");
        Engine.function(function);
        String typo = function.substring(0, function.length() - 1) + (function.endsWith("x") ? "y" : "x");

        Cli.Result r = cli().aws("tail", "logs", typo);

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("No function or log group '" + typo + "' in ", "us-east-1", "Did you mean '" + function + "'")
                .doesNotContain("\tat ");

        String group = "/test/" + Engine.uniqueName("tailgroup");
        LogFixtures.group(group);
        String groupTypo = group.replace("tailgroup", "tailgrup");
        Cli.Result missing = cli().aws("tail", "logs", groupTypo, "--follow");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.err()).contains("Log group '" + groupTypo + "' not found in ", "Did you mean '" + group + "'");
    }

    @Test
    void nearNamesCompareAFunctionsNameWithGroupsWithoutTheLambdaPrefixClosestFirst() {
        String function = Engine.uniqueName("quiet-fn");
        Engine.function(function);
        LogFixtures.group("/aws/lambda/" + function, "s");
        String far = "/aws/lambda/" + Engine.uniqueName("get-item");
        LogFixtures.group(far, "s");
        String typo = function.replace("quiet-fn", "quiet-fm");

        Cli.Result r = cli().aws("tail", "logs", typo);

        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("Hint: Did you mean '" + function + "', '/aws/lambda/" + function + "'?\n").doesNotContain(far);
    }

    @Test
    void aFunctionThatHasNotLoggedYetIsSaidOnStandardError() {
        String function = Engine.uniqueName("tailquiet");
        Engine.function(function);

        Cli.Result r = cli().aws("tail", "logs", function);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Function '" + function + "' has not logged yet: there is no log group /aws/lambda/" + function);
    }

    @Test
    void aFollowWaitsForAFunctionsFirstLines() throws Exception {
        String function = Engine.uniqueName("tailfirst");
        Engine.function(function);
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            CompletableFuture<Cli.Result> following = CompletableFuture.supplyAsync(
                    () -> throughProxy(proxy, "tail", "logs", function, "--follow", "--max", "1"));
            // the first DescribeLogGroups finds no group, then the function is asked for; the second is the wait's
            awaitCalls(proxy, "DescribeLogGroups", 2, following);

            String group = "/aws/lambda/" + function;
            LogFixtures.group(group, "2026/05/01/[$LATEST]abc");
            put(group, "2026/05/01/[$LATEST]abc", event(System.currentTimeMillis(), "first words\n"));

            Cli.Result r = following.get(30, TimeUnit.SECONDS);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).endsWith(" first words\n");
        }
    }

    @Test
    void aFollowPrintsEventsWrittenWhileItRunsOnceEachInOrderAndStopsAtMax() throws Exception {
        String group = "/test/" + Engine.uniqueName("tailfollow");
        LogFixtures.group(group, "a", "b");
        long t = secondsAgo(20);
        put(group, "a", event(t, "one"));
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            CompletableFuture<Cli.Result> following = CompletableFuture.supplyAsync(
                    () -> throughProxy(proxy, "tail", "logs", group, "--follow", "--max", "4", "--format", "json"));

            // each written once the follow has begun a poll after the last write, so that each comes in a poll of its own,
            // which reads back ten seconds (over the ones printed before); stamped as written, as Lambda's are, so that
            // none is late however slowly the engine answers
            int polls = awaitCalls(proxy, "FilterLogEvents", 1, following);
            put(group, "b", event(System.currentTimeMillis(), "two"));
            polls = awaitCalls(proxy, "FilterLogEvents", polls + 1, following);
            put(group, "a", event(System.currentTimeMillis(), "three"));
            awaitCalls(proxy, "FilterLogEvents", polls + 1, following);
            put(group, "b", event(System.currentTimeMillis(), "four"));

            Cli.Result r = following.get(30, TimeUnit.SECONDS);
            assertThat(r.code()).as(r.toString()).isZero();
            List<JsonNode> lines = jsonLines(r.out());
            assertThat(lines).extracting(line -> line.get("message").asText()).containsExactly("one", "two", "three", "four");
            assertThat(lines).extracting(line -> line.get("logStream").asText()).containsExactly("a", "b", "a", "b");
            assertThat(lines).extracting(line -> line.get("eventId").asText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aFollowThatFindsNothingAsksForTheLastSecondsOnlyNotAllSinceSince() throws Exception {
        String group = "/test/" + Engine.uniqueName("tailnomatch");
        LogFixtures.group(group, "s");
        put(group, "s", event(secondsAgo(30), "nothing to see"));
        long began = System.currentTimeMillis();
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            Cli.Result r = throughProxy(proxy, "tail", "logs", group, "--follow", "--filter", "NOMATCH", "--since", "2h",
                    "--until", "3s");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).isEmpty();
            List<Long> starts = startTimes(proxy);
            assertThat(starts).as("a poll a second for three seconds").hasSizeGreaterThanOrEqualTo(3);
            assertThat(starts.get(0)).isBetween(began - 2 * 3600_000 - 1000, began - 2 * 3600_000 + 1000);
            // after the first poll, ten seconds (the overlap) before the clock when the last poll began
            for (long start : starts.subList(1, starts.size())) {
                assertThat(start).isBetween(began - 10_000, System.currentTimeMillis() - 10_000);
            }
        }
    }

    @Test
    void anEventStampedInTheFutureLeavesNoGapAfterIt() throws Exception {
        String group = "/test/" + Engine.uniqueName("tailfuture");
        LogFixtures.group(group, "early", "now");
        // CloudWatch takes events stamped up to two hours ahead (a clock set wrong)
        put(group, "early", event(System.currentTimeMillis() + 3600_000, "from the future"));
        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint())) {
            CompletableFuture<Cli.Result> following = CompletableFuture.supplyAsync(
                    () -> throughProxy(proxy, "tail", "logs", group, "--follow", "--max", "2", "-o", "json"));
            // the poll that brought the future event is over: the next ones begin where the clock is, not an hour ahead
            awaitCalls(proxy, "FilterLogEvents", 2, following);
            put(group, "now", event(System.currentTimeMillis(), "made now"));

            Cli.Result r = following.get(30, TimeUnit.SECONDS);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(jsonLines(r.out())).extracting(line -> line.get("message").asText())
                    .containsExactly("from the future", "made now");
            long future = startTimes(proxy).stream().filter(start -> start > System.currentTimeMillis()).count();
            assertThat(future).as("polls that began after the clock").isZero();
        }
    }

    /** dynctl through the proxy, which forwards to moto and records each request. */
    private static Cli.Result throughProxy(RecordingProxy proxy, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", proxy.endpoint().toString(), "--region", Cli.REGION));
        return cli().run(all.toArray(String[]::new));
    }

    /** Waits until the proxy saw {@code count} calls of {@code operation}; returns how many it saw. */
    private static int awaitCalls(RecordingProxy proxy, String operation, int count, CompletableFuture<Cli.Result> run)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            int seen = (int) proxy.calls().stream().filter(call -> call.operation().equals(operation)).count();
            if (seen >= count) {
                return seen;
            }
            assertThat(run).as("the tail ended before %d %s", count, operation).isNotDone();
            assertThat(System.nanoTime()).as("%d %s never came", count, operation).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The StartTime of each FilterLogEvents the proxy saw, in order. */
    private static List<Long> startTimes(RecordingProxy proxy) throws Exception {
        List<Long> starts = new ArrayList<>();
        for (RecordingProxy.Call call : proxy.calls()) {
            if (call.operation().equals("FilterLogEvents")) {
                starts.add(Json.MAPPER.readTree(call.body()).get("startTime").asLong());
            }
        }
        return starts;
    }

    @Test
    void untilEndsAFollowOnItsOwn() {
        String group = "/test/" + Engine.uniqueName("tailuntil");
        LogFixtures.group(group, "s");
        put(group, "s", event(secondsAgo(5), "before the end"));

        Cli.Result r = cli().aws("tail", "logs", group, "--follow", "--until", "1s");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).endsWith(" before the end\n");
    }

    @Test
    void filterPassesCloudWatchsPattern() {
        String group = "/test/" + Engine.uniqueName("tailfilter");
        LogFixtures.group(group, "s");
        long t = secondsAgo(60);
        put(group, "s", event(t, "ERROR disk full"), event(t + 1, "INFO all good"), event(t + 2, "ERROR again, disk full"));

        assertThat(cli().aws("tail", "logs", group, "--filter", "ERROR").out().lines().map(l -> l.substring(20)))
                .containsExactly("ERROR disk full", "ERROR again, disk full");
        assertThat(cli().aws("tail", "logs", group, "--filter", "\"again, disk\"").out().lines().map(l -> l.substring(20)))
                .containsExactly("ERROR again, disk full");
    }

    @Test
    void detailedAndJsonFormatsAndOutputJson() throws Exception {
        String group = "/test/" + Engine.uniqueName("tailformat");
        LogFixtures.group(group, "2026/05/01/[$LATEST]abc");
        long t = secondsAgo(60) + 123;
        String report = "REPORT RequestId: " + ID + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: 70 MB\tInit Duration: 150.00 ms\t\n";
        put(group, "2026/05/01/[$LATEST]abc", event(t, "hello\n"), event(t + 1, report));

        Cli.Result detailed = cli().aws("tail", "logs", group, "--format", "detailed");
        assertThat(detailed.out().lines().findFirst().orElseThrow())
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochMilli(t)) + " 2026/05/01/[$LATEST]abc hello");

        for (List<String> json : List.of(List.of("--format", "json"), List.of("-o", "json"), List.of("-o", "jsonl"))) {
            List<String> args = new ArrayList<>(List.of("tail", "logs", group));
            args.addAll(json);
            Cli.Result r = cli().aws(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isZero();
            List<JsonNode> lines = jsonLines(r.out());
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("timestamp").asText()).isEqualTo(Instant.ofEpochMilli(t).toString());
            assertThat(lines.get(0).get("message").asText()).isEqualTo("hello");
            assertThat(lines.get(0).has("report")).isFalse();
            assertThat(lines.get(1).get("report").get("initDurationMs").decimalValue()).isEqualByComparingTo("150");
            assertThat(lines.get(1).get("report").get("requestId").asText()).isEqualTo(ID);
        }

        // --query picks from each event, as it does from each change of tail table
        Cli.Result queried = cli().aws("tail", "logs", group, "-o", "json", "--query", "report.durationMs");
        assertThat(queried.code()).as(queried.toString()).isZero();
        assertThat(queried.out().lines().toList()).containsExactly("null", "12.34");
    }

    @Test
    void onATerminalLambdaLinesAreMadeReadable() {
        String group = "/test/" + Engine.uniqueName("tailtty");
        LogFixtures.group(group, "s");
        long t = secondsAgo(60);
        put(group, "s",
                event(t, "START RequestId: " + ID + " Version: $LATEST\n"),
                event(t + 1, "2026-05-01T10:15:00.123Z\t" + ID + "\tERROR\t{\"error\":\"boom\",\"id\":7}\n"),
                event(t + 2, "END RequestId: " + ID + "\n"),
                event(t + 3, "REPORT RequestId: " + ID + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t"
                        + "Max Memory Used: 70 MB\tInit Duration: 150.00 ms\t\n"));

        Cli.Result plain = cli().stdoutTerminal(true).aws("tail", "logs", group, "--no-color");

        assertThat(plain.code()).as(plain.toString()).isZero();
        assertThat(plain.out()).isEqualTo(time(t + 1) + " 8f5e1c2a ERROR {\n  \"error\": \"boom\",\n  \"id\": 7\n}\n"
                + time(t + 3) + " REPORT 8f5e1c2a 12.34 ms (billed 13 ms), memory 70/128 MB, cold start 150 ms\n");

        Cli.Result coloured = cli().stdoutTerminal(true).aws("tail", "logs", group, "--max", "1");
        assertThat(coloured.out()).contains("\u001b[31mERROR\u001b[0m", "\u001b[32m" + time(t + 1) + "\u001b[0m");

        Cli.Result piped = cli().aws("tail", "logs", group);
        assertThat(piped.out()).doesNotContain("\u001b[").contains("START RequestId", "END RequestId", "REPORT RequestId: " + ID)
                .hasLineCount(4);
    }

    @Test
    void sinceNowIsNewEventsOnlyAndZeroIsNow() {
        String group = "/test/" + Engine.uniqueName("tailnow");
        LogFixtures.group(group, "s");
        put(group, "s", event(secondsAgo(5), "a moment ago"));

        for (String now : List.of("now", "0s")) {
            Cli.Result r = cli().aws("tail", "logs", group, "--since", now);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).as(now).isEmpty();
        }
        Cli.Result untilNow = cli().aws("tail", "logs", group, "--until", "0s");
        assertThat(untilNow.code()).as(untilNow.toString()).isZero();
        assertThat(untilNow.out()).endsWith(" a moment ago\n");
    }

    @Test
    void badOptionsAreUsageErrors() {
        String group = "/test/" + Engine.uniqueName("tailbad");
        LogFixtures.group(group, "s");

        assertUsage(cli().aws("tail", "logs", group, "--since", "yesterday"), "yesterday");
        assertUsage(cli().aws("tail", "logs", group, "--format", "pretty"), "'pretty' is not one of short, detailed, json");
        assertUsage(cli().aws("tail", "logs", group, "-o", "table"), "Error: -o table does not apply to tail logs.\n"
                + "Hint: Use --format short, detailed or json (-o json and -o jsonl mean --format json).\n");
        assertUsage(cli().aws("tail", "logs", group, "-o", "json", "--format", "short"),
                "Error: -o json and --format short ask for two formats.\nHint: Pass one of them.\n");
        assertUsage(cli().aws("tail", "logs", group, "--since", "5m", "--until", "1h ago"), "is not after --since");
        assertUsage(cli().aws("tail", "logs", group, "--max", "0"), "--max must be at least 1");
        assertUsage(cli().aws("tail", "logs", group, "--query", "message"), "--query applies to JSON");
        assertUsage(cli().aws("tail", "logs", "bad name!"), "is not a function or log group name");
        assertUsage(cli().aws("tail", "logs", group, "--since", "10"), "'10' is a number without a unit; use e.g. 10s, 10m or 10h");
        for (String until : List.of("soon", "5x")) {
            assertUsage(cli().aws("tail", "logs", group, "--until", until),
                    "'" + until + "' is not a time; use e.g. 2026-05-01T10:15:00Z, 5m (from now), '10m ago' or now");
        }
        Cli.Result max = cli().aws("tail", "logs", group, "--max", "abc");
        assertUsage(max, "--max': 'abc' is not a whole number");
        assertThat(max.err()).doesNotContain("long");
    }

    private static void assertUsage(Cli.Result r, String says) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(says).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    private static String time(long millis) {
        return SECONDS.format(Instant.ofEpochMilli(millis));
    }

    private static List<JsonNode> jsonLines(String out) {
        return out.lines().map(line -> {
            try {
                return Json.MAPPER.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}

package dev.dynctl.local;

import static dev.dynctl.testing.Cli.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One of the processes of {@link LockedCounterIT}: reads the counter and writes it back plus one
 * with --expect-version, as a script would, until it has counted {@code times} times; a version
 * conflict (exit 4) means another process wrote first, so it backs off and reads again.
 *
 * <p>Arguments: endpoint, table, project file, times. Prints how many conflicts it met.
 */
public final class LockedCounterClient {
    private LockedCounterClient() {
    }

    public static void main(String[] args) throws Exception {
        String[] target = {"--endpoint-url", args[0], "--region", "us-east-1", "--project", args[2]};
        String table = args[1];
        int times = Integer.parseInt(args[3]);
        int conflicts = 0;
        int inARow = 0;
        for (int counted = 0; counted < times; ) {
            Result read = cli().run(with(target, "item", "get", table, "--key", "id=c", "--consistent", "-o", "json"));
            int n = 0;
            long rev = 0;
            if (read.code() == 0) {
                JsonNode item = Json.MAPPER.readTree(read.out());
                n = item.get("n").asInt();
                rev = item.get("rev").asLong();
            } else if (read.code() != 3) {
                fail(read);
            }
            Result write = cli().run(with(target, "item", "update", table, "--key", "id=c", "--set", "n=" + (n + 1),
                    "--expect-version", Long.toString(rev), "--return-values", "none"));
            if (write.code() == 0) {
                counted++;
                inARow = 0;
            } else if (write.code() == 4) {
                // another process wrote first: back off (exponentially, with jitter), as a client of DynamoDB would
                conflicts++;
                inARow++;
                Thread.sleep(ThreadLocalRandom.current().nextInt(Math.min(200, 10 << Math.min(inARow, 5))));
            } else {
                fail(write);
            }
        }
        System.out.println(conflicts);
    }

    private static String[] with(String[] target, String... args) {
        String[] all = new String[args.length + target.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(target, 0, all, args.length, target.length);
        return all;
    }

    private static void fail(Result result) {
        System.err.println(result);
        System.exit(1);
    }
}

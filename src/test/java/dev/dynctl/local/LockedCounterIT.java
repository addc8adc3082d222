package dev.dynctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Eight processes each count one locked counter up 100 times by reading it and writing it back
 * with --expect-version: no increment is lost, so the counter ends at exactly 800.
 *
 * <p>This runs on the local engine, which makes each conditional write atomic as DynamoDB does;
 * a bare moto server checks a condition and writes in two unlocked steps and loses increments.
 */
class LockedCounterIT {
    private static final int PROCESSES = 8;
    private static final int TIMES = 100;

    @RegisterExtension
    final EngineSandbox sandbox = new EngineSandbox();

    @TempDir
    Path dir;

    @Test
    void eightProcessesCountingOneLockedCounterLoseNoIncrement() throws Exception {
        Cli.Result started = sandbox.cli().run("local", "start", "--in-memory");
        assertThat(started.code()).as(started.toString()).isZero();
        DynamoDbClient dynamo = sandbox.dynamo();
        dynamo.createTable(b -> b.tableName("counters").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        Path project = Files.writeString(dir.resolve("dynctl.yaml"), """
                tables:
                  counters:
                    schema:
                      version: rev
                      attributes:
                        id: string
                        n: number
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    LockedCounterClient.class.getName(), sandbox.endpoint().toString(), "counters", project.toString(),
                    Integer.toString(TIMES))
                    .redirectError(dir.resolve("err" + i).toFile()).start());
        }
        long conflicts = 0;
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.waitFor()).as("process " + i + ": " + Files.readString(dir.resolve("err" + i))).isZero();
            conflicts += Long.parseLong(out);
        }

        Map<String, AttributeValue> counter = dynamo.getItem(b -> b.tableName("counters")
                .key(Map.of("id", AttributeValue.fromS("c"))).consistentRead(true)).item();
        assertThat(counter.get("n").n()).isEqualTo("800");
        assertThat(counter.get("rev").n()).isEqualTo("800");
        assertThat(conflicts).as("the processes really raced").isPositive();
    }
}

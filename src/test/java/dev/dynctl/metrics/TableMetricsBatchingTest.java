package dev.dynctl.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/** GetMetricData takes 500 queries at most: more are read in as many calls as needed, each value in its own series and slot. */
class TableMetricsBatchingTest {
    private record Count(String name) implements Metric {
        @Override
        public String stat() {
            return "Sum";
        }

        @Override
        public String unit() {
            return "Count";
        }
    }

    @Test
    void moreThanFiveHundredMetricsTakeOneCallPerFiveHundred() {
        String table = Engine.uniqueName("batch");
        List<Dimension> dims = List.of(Dimension.builder().name("TableName").value(table).build());
        Instant now = Instant.now();
        put("M0", dims, now.minus(Duration.ofMinutes(3)), 7);
        put("M500", dims, now.minus(Duration.ofMinutes(1)), 9);
        List<MetricQuery<Count>> queries = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            queries.add(new MetricQuery<>("Test/Batching", new Count("M" + i), dims));
        }
        MetricWindow window = MetricWindow.ending(now, Duration.ofMinutes(10), Duration.ofMinutes(1));

        try (RecordingProxy proxy = new RecordingProxy(MotoServer.get().endpoint());
             CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(proxy.endpoint()).region(Region.of(Cli.REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            MetricReader.Reading<Count> reading = new MetricReader(cloudWatch).read(queries, window);

            assertThat(proxy.calls()).extracting(RecordingProxy.Call::operation).containsExactly("GetMetricData", "GetMetricData");
            assertThat(reading.series()).hasSize(501);
            assertThat(reading.series().get(0).metric().name()).isEqualTo("M0");
            assertThat(reading.series().get(0).slots()).hasSize(10).containsOnlyOnce(7.0);
            assertThat(reading.series().get(0).slots().indexOf(7.0)).isEqualTo(window.slot(now.minus(Duration.ofMinutes(3))));
            assertThat(reading.series().get(500).points()).extracting(MetricSeries.Point::value).containsExactly(9.0);
            assertThat(reading.series().get(250).empty()).isTrue();
            assertThat(reading.unread()).isEmpty();
        }
    }

    private static void put(String metric, List<Dimension> dims, Instant time, double value) {
        Engine.cloudWatch().putMetricData(b -> b.namespace("Test/Batching").metricData(d -> d.metricName(metric).dimensions(dims)
                .value(value).unit("Count").timestamp(time)));
    }
}

package org.foodrisk.operations;

import org.foodrisk.testsupport.PromQl;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard check reads the right names out of PromQL: metrics, not functions, labels or literals. */
class PromQlTest {

    @Test
    void metricNamesAreFoundBesideFunctionsLabelsAndRanges() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{uri!=\"/prometheus\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_total"), PromQl.metricNames(
                "sum(rate(a_total{status=~\"5..\"}[5m])) / on(instance) group_left sum without (job) (b_total offset 1h)"));
        assertEquals(Set.of("kafka_consumer_fetch_manager_records_lag"), PromQl.metricNames(
                "sum by (topic) (kafka_consumer_fetch_manager_records_lag{topic=~\"foodrisk[.-].*\"}) > bool 100"));
        assertEquals(Set.of("foodrisk_alerts_emitted_total"), PromQl.metricNames(
                "sum(increase(foodrisk_alerts_emitted_total{event=\"raised\", kind=\"x{y}\"}[1h])) by (kind, level)"));
        assertEquals(Set.of("process_cpu_usage"), PromQl.metricNames("max by (instance) (process_cpu_usage) * 100"));
    }
}

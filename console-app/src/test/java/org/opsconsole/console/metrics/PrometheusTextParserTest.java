package org.opsconsole.console.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextParserTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsComments() {
        String text = """
                # HELP http_server_requests_seconds Requests
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{service="users",method="GET",route="/users/{id}",le="0.005"} 12.0
                http_server_requests_seconds_bucket{service="users",method="GET",route="/users/{id}",le="+Inf"} 15.0
                jvm_threads_live_threads{service="users"} 42
                process_cpu_usage{service="users"} 0.015 1732830000000
                """;
        List<Sample> samples = PrometheusTextParser.parse(text);
        assertThat(samples).hasSize(4);
        assertThat(samples.get(0).name()).isEqualTo("http_server_requests_seconds_bucket");
        assertThat(samples.get(0).labels()).containsEntry("route", "/users/{id}").containsEntry("le", "0.005");
        assertThat(samples.get(0).value()).isEqualTo(12.0);
        assertThat(samples.get(2).value()).isEqualTo(42.0);
        assertThat(samples.get(3).value()).isEqualTo(0.015);
    }

    @Test
    void unescapesLabelValues() {
        Sample sample = PrometheusTextParser.parseLine("m{path=\"a\\\"b\\\\c\\nd\",x=\"1,2}\"} 3");
        assertThat(sample.labels()).isEqualTo(Map.of("path", "a\"b\\c\nd", "x", "1,2}"));
        assertThat(sample.value()).isEqualTo(3.0);
    }

    @Test
    void readsSpecialValuesAndMetricsWithoutLabels() {
        assertThat(PrometheusTextParser.parseLine("a +Inf").value()).isInfinite().isPositive();
        assertThat(PrometheusTextParser.parseLine("a -Inf").value()).isInfinite().isNegative();
        assertThat(PrometheusTextParser.parseLine("a NaN").value()).isNaN();
        assertThat(PrometheusTextParser.parseLine("up 1").labels()).isEmpty();
        assertThat(PrometheusTextParser.parseLine("a{} 1.5e3").value()).isEqualTo(1500.0);
    }

    @Test
    void skipsAndCountsMalformedLinesWithoutLosingTheRest() {
        var result = PrometheusTextParser.parseWithErrors("""
                good 1
                bad{unclosed="x 2
                {nolabelname} 3
                novalue
                alsogood{a="b"} 4
                wrong value
                """);
        assertThat(result.samples()).extracting(Sample::name).containsExactly("good", "alsogood");
        assertThat(result.malformedLines()).isEqualTo(4);
    }

    @Test
    void acceptsWindowsLineEndingsAndAnEmptyScrape() {
        assertThat(PrometheusTextParser.parse("a 1\r\nb 2\r\n")).extracting(Sample::value).containsExactly(1.0, 2.0);
        assertThat(PrometheusTextParser.parse("")).isEmpty();
    }
}

package org.opsconsole.console.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format 0.0.4: comment lines are skipped, every other line is
 * {@code name{label="value",...} value [timestamp]}. Label values may escape {@code \\}, {@code \"}
 * and {@code \n}; values may be {@code +Inf}, {@code -Inf} or {@code NaN}. A malformed line is
 * skipped rather than failing the whole scrape, and counted.
 */
public final class PrometheusTextParser {

    /** The samples of a scrape, and how many lines could not be read. */
    public record Result(List<Sample> samples, int malformedLines) {
    }

    private PrometheusTextParser() {
    }

    public static List<Sample> parse(String text) {
        return parseWithErrors(text).samples();
    }

    public static Result parseWithErrors(String text) {
        List<Sample> samples = new ArrayList<>();
        int malformed = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            Sample sample = parseLine(line);
            if (sample == null) {
                malformed++;
            } else {
                samples.add(sample);
            }
        }
        return new Result(samples, malformed);
    }

    /** One sample line, or null when it is not one. */
    static Sample parseLine(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && isNameChar(line.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < n && line.charAt(i) == '{') {
            i = parseLabels(line, i + 1, labels);
            if (i < 0) {
                return null;
            }
        }
        String rest = line.substring(i).strip();
        if (rest.isEmpty()) {
            return null;
        }
        int space = rest.indexOf(' ');
        String valueText = space < 0 ? rest : rest.substring(0, space);
        Double value = parseValue(valueText);
        return value == null ? null : new Sample(name, labels, value);
    }

    private static int parseLabels(String line, int i, Map<String, String> labels) {
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int keyStart = i;
            while (i < n && isNameChar(line.charAt(i), i == keyStart)) {
                i++;
            }
            if (i == keyStart) {
                return -1;
            }
            String key = line.substring(keyStart, i);
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n || line.charAt(i) != '=') {
                return -1;
            }
            i++;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n || line.charAt(i) != '"') {
                return -1;
            }
            i++;
            StringBuilder value = new StringBuilder();
            boolean closed = false;
            while (i < n) {
                char c = line.charAt(i++);
                if (c == '\\' && i < n) {
                    char escaped = line.charAt(i++);
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case '"' -> '"';
                        case '\\' -> '\\';
                        default -> escaped;
                    });
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed) {
                return -1;
            }
            labels.put(key, value.toString());
        }
    }

    static Double parseValue(String text) {
        return switch (text) {
            case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
            case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }
}

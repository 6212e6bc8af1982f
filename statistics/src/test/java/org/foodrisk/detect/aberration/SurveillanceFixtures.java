package org.foodrisk.detect.aberration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The fixtures R's {@code surveillance} 1.20.3 produced (src/test/r/make-ears-cusum-fixtures.R):
 * input series, R's results per run, and the manifest of runs. Also the agreement rule the tests
 * share.
 */
public final class SurveillanceFixtures {

    static final String DIRECTORY = "/fixtures/surveillance/";

    /**
     * Relative tolerance for R's continuous figures (expected, threshold, statistic), with an
     * absolute floor for values at 0. Our arithmetic follows R's expression by expression, so the
     * only differences are rounding: R sums means and variances in 80-bit long double where we use
     * double, libm's pow/exp/cos and R's qnorm (AS 241) differ from Java's and Commons Statistics'
     * in the last bit or two, and the seasonal GLM repeats R's IRLS iterates with a different QR
     * code. Those are ~1e-15 relative (the GLM ~1e-12); 1e-9 keeps a wide margin while still
     * catching any formula difference. Alarms must agree exactly.
     */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    public static final double ABSOLUTE_TOLERANCE = 1e-12;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private SurveillanceFixtures() {
    }

    /** One R run: which input, method and parameters produced which fixture. */
    public record Run(String fixture, String input, Frequency frequency, String method, LocalDate rangeStart,
                      Map<String, String> options) {

        @Override
        public String toString() {
            return fixture + (options.isEmpty() ? "" : " " + options);
        }
    }

    /** One row of R's results; {@code alarm} is null where R's alarm is NA. */
    public record RRow(LocalDate date, String unit, long observed, double expected, double threshold, Boolean alarm,
                       double statistic) {
    }

    /** The EARS and CUSUM runs (make-ears-cusum-fixtures.R). */
    public static List<Run> runs() {
        return runs("ears-cusum-runs.csv");
    }

    /** The runs listed in {@code file} of the fixtures directory ({@code glrnb-runs.csv}: make-glrnb-fixtures.R). */
    public static List<Run> runs(String file) {
        List<Run> runs = new ArrayList<>();
        for (CSVRecord row : records(file)) {
            Map<String, String> options = new LinkedHashMap<>();
            if (!row.get("options").isEmpty()) {
                for (String pair : row.get("options").split(";")) {
                    String[] nameValue = pair.split("=", 2);
                    options.put(nameValue[0], nameValue[1]);
                }
            }
            runs.add(new Run(row.get("fixture"), row.get("input"), Frequency.valueOf(row.get("frequency").toUpperCase()),
                    row.get("method"), row.get("range_start").isEmpty() ? null : LocalDate.parse(row.get("range_start")),
                    Map.copyOf(options)));
        }
        return runs;
    }

    /** The input series by unit, in file order; the fixture inputs list every period of every unit. */
    public static Map<String, CountSeries> input(Run run) {
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        for (CSVRecord row : records(run.input())) {
            dates.computeIfAbsent(row.get("unit"), u -> new ArrayList<>()).add(LocalDate.parse(row.get("date")));
            counts.computeIfAbsent(row.get("unit"), u -> new ArrayList<>()).add(Long.parseLong(row.get("count")));
        }
        Map<String, CountSeries> series = new LinkedHashMap<>();
        dates.forEach((unit, unitDates) -> series.put(unit, new CountSeries(unit, run.frequency(), unitDates,
                counts.get(unit).stream().mapToLong(Long::longValue).toArray())));
        return series;
    }

    public static List<RRow> results(Run run) {
        List<RRow> rows = new ArrayList<>();
        for (CSVRecord row : records(run.fixture())) {
            rows.add(new RRow(LocalDate.parse(row.get("date")), row.get("unit"), Long.parseLong(row.get("observed")),
                    number(row.get("expected")), number(row.get("threshold")),
                    row.get("alarm").equals("NA") ? null : row.get("alarm").equals("1"), number(row.get("statistic"))));
        }
        return rows;
    }

    /**
     * Where a fixture file lies on disk (the backtest CLI reads files): the file itself, or a copy in a
     * temporary file when the fixtures are read from this module's test-jar (tools' tests in {@code mvn verify}).
     */
    public static Path path(String file) {
        URL url = resource(file);
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("fixture-", "-" + file);
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R's NA is our NaN; otherwise equal within the stated tolerance. */
    public static boolean agrees(double r, double ours) {
        if (Double.isNaN(r) || Double.isNaN(ours) || Double.isInfinite(r) || Double.isInfinite(ours)) {
            return Double.compare(r, ours) == 0 || (Double.isNaN(r) && Double.isNaN(ours));
        }
        return Math.abs(r - ours) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.max(Math.abs(r), Math.abs(ours));
    }

    /** Parses R's numbers, NA and ±Inf included. */
    public static double number(String text) {
        return switch (text) {
            case "NA", "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static List<CSVRecord> records(String file) {
        try (Reader reader = new InputStreamReader(resource(file).openStream(), StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String file) {
        URL url = SurveillanceFixtures.class.getResource(DIRECTORY + file);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + DIRECTORY + file);
        }
        return url;
    }
}

package org.foodrisk.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The run {@code tools/backtest} makes once after a build to write its class-data archive: every method over a
 * small made-up series, so that the archive holds the classes any backtest judges with (the models, the
 * distributions, the CSV writer) whatever the analyst's first command is. Before, the archive was written by
 * the first real command, and one that judged nothing (too little history, {@code --help}) left every later run
 * loading the detection's classes from the jars, inside its timed detection. Only classes are archived: no
 * compiled code, no data, no results.
 */
final class BacktestTraining {

    private static final String[] METHODS = {"ears-c1", "ears-c2", "ears-c3", "farrington", "farrington-flexible",
        "cusum", "glrnb", BacktestCommand.POOLED};

    private BacktestTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("backtest-training");
        try {
            Path weekly = write(directory.resolve("weekly.csv"), 7, 6 * 53);
            Path daily = write(directory.resolve("daily.csv"), 1, 400);
            Path output = directory.resolve("out.csv");
            for (String method : METHODS) {
                run("--method", method, "--frequency", "week", "--input", weekly.toString(), "--output", output.toString());
            }
            run("--method", "farrington-flexible", "--frequency", "week", "--b", "3", "--w", "3",
                    "--threshold-method", "nbPlugin", "--no-periods", "10", "--input", weekly.toString(),
                    "--output", output.toString());
            run("--method", "ears-c1", "--frequency", "day", "--count-baseline", "comparable-days",
                    "--input", daily.toString(), "--output", output.toString());
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static void run(String... args) {
        StringWriter messages = new StringWriter();
        CommandLine command = BacktestCommand.commandLine();
        command.setErr(new PrintWriter(messages));
        if (command.execute(args) != 0) {
            throw new IllegalStateException("training run " + String.join(" ", args) + " failed: " + messages);
        }
    }

    /** Two units of a seasonal count with a spike now and then, one period every {@code days}, from 2019. */
    private static Path write(Path file, int days, int periods) {
        List<String> lines = new ArrayList<>(List.of("date,unit,count"));
        LocalDate first = LocalDate.of(2019, 1, 7);
        for (int period = 0; period < periods; period++) {
            for (int unit = 1; unit <= 2; unit++) {
                long count = Math.round(6 + 3 * unit * (1 + Math.sin(period * 2 * Math.PI / 52))) + (period % 41 == 0 ? 20 : 0);
                lines.add(first.plusDays((long) period * days) + ",u" + unit + "," + count);
            }
        }
        try {
            return Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

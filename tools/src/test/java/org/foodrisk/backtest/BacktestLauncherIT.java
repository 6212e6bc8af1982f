package org.foodrisk.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tools/backtest}, the launcher the README gives analysts, on the packaged jar: its first run after a
 * build writes the class-data archive, the next one starts from it, and both write what the CLI writes when
 * called in process (farringtonFlexible on the benchmark's 16 weekly series).
 */
class BacktestLauncherIT {

    private static final Path TOOLS = Path.of("").toAbsolutePath();
    private static final Path INPUT = TOOLS.resolveSibling("benchmarks")
            .resolve("src/main/resources/backtest/sixteen-units-weekly.csv");

    @TempDir
    Path directory;

    @Test
    void theLauncherWritesItsClassArchiveAndTheSameAlarmsAsTheCommand() throws Exception {
        Path archive = TOOLS.resolve("target/backtest.jsa");
        Files.deleteIfExists(archive);
        Path inProcess = directory.resolve("in-process.csv");
        assertEquals(0, BacktestCommand.commandLine().execute(arguments(inProcess).toArray(String[]::new)));

        Path first = directory.resolve("first.csv");
        assertEquals(0, launch(first), "first run");
        assertTrue(Files.isRegularFile(archive), "the first run after a build writes " + archive);
        Path second = directory.resolve("second.csv");
        assertEquals(0, launch(second), "second run, from the archive");

        List<String> expected = Files.readAllLines(inProcess, StandardCharsets.UTF_8);
        assertTrue(expected.size() > 1000, "rows: " + expected.size());
        assertEquals(expected, Files.readAllLines(first, StandardCharsets.UTF_8));
        assertEquals(expected, Files.readAllLines(second, StandardCharsets.UTF_8));
    }

    private int launch(Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", TOOLS.resolve("backtest").toString()));
        command.addAll(arguments(output));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(output.getFileName() + ".log").toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher ends");
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(directory.resolve(output.getFileName() + ".log")));
        }
        return process.exitValue();
    }

    private static List<String> arguments(Path output) {
        return List.of("--method", "farrington-flexible", "--b", "3", "--w", "3", "--frequency", "week",
                "--input", INPUT.toString(), "--output", output.toString());
    }
}

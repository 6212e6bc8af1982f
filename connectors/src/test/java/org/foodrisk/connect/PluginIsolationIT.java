package org.foodrisk.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin directory ({@code target/connect-plugin}) works in Connect's plugin
 * isolation: a JVM whose class path has connect-runtime but not this module's classes finds both
 * connectors through {@code plugin.path} and maps the sample files there.
 */
class PluginIsolationIT {

    @Test
    void pluginDirectoryLoadsInAnIsolatedClassLoader(@TempDir Path tmp) throws Exception {
        Path pluginPath = Path.of("target/connect-plugin").toAbsolutePath();
        assertTrue(Files.isDirectory(pluginPath.resolve("foodrisk-connectors")), "run after package");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("samples/notice.xlsx"), in.resolve("notice.xlsx"));
        Files.copy(Path.of("samples/lims-export.csv"), in.resolve("lims-export.csv"));

        String mainClasses = Path.of("target/classes").toAbsolutePath().toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().toString().equals(mainClasses))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", classPath, PluginIsolationMain.class.getName(),
                pluginPath.toString(), in.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("source loader: PluginClassLoader"), out);
        assertTrue(out.contains("sink loader: PluginClassLoader"), out);
        assertTrue(out.contains("records: 8"), out);
        assertTrue(out.contains("key 2024年第12期-1"), out);
        assertTrue(Files.exists(in.resolve("done/notice.xlsx")), out);
    }
}

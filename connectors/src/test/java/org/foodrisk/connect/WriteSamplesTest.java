package org.foodrisk.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed notice samples are what {@link SampleFiles} generates (run with -Dsamples.write=true to rewrite them). */
class WriteSamplesTest {

    static final Path SAMPLES = Path.of("samples");

    @Test
    void committedNoticeSamplesMatchTheGenerator(@TempDir Path tmp) throws Exception {
        if (Boolean.getBoolean("samples.write")) {
            SampleFiles.main(new String[] {SAMPLES.toString()});
        }
        SampleFiles.main(new String[] {tmp.toString()});
        for (String name : List.of("notice.xlsx", "notice.csv")) {
            assertTrue(Files.exists(SAMPLES.resolve(name)), "samples/" + name + " is committed");
            assertEquals(cells(tmp.resolve(name)), cells(SAMPLES.resolve(name)), name);
        }
    }

    private static List<List<String>> cells(Path file) throws Exception {
        return TableFile.read(file).stream().flatMap(List::stream).map(TableFile.TableRow::cells).toList();
    }
}

package org.foodrisk.demo;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints generated traffic as lines {@code topic<TAB>key<TAB>json} (UTF-8), for inspection or to
 * pipe into a producer.
 *
 * <pre>
 * DemoDataMain [--days N] [--from yyyy-MM-dd] [--seed S] [--scenarios] [--event-order]
 * </pre>
 * Defaults: 1 day, starting today (Asia/Shanghai) minus N-1 days, seed 42, in arrival order — the
 * order a producer would publish them in: lab results days after their samples, including those
 * of the last days that are reported after the range ends (see
 * {@link DemoDataGenerator#arrivals(LocalDate, LocalDate)}). With {@code --scenarios} the planted
 * incidents of the last day are merged in. {@code --event-order} prints day by day in event-time
 * order instead, with the incidents after the last day's traffic.
 */
public final class DemoDataMain {

    private DemoDataMain() {
    }

    public static void main(String[] args) {
        int days = 1;
        LocalDate from = null;
        long seed = 42;
        boolean scenarios = false;
        boolean eventOrder = false;
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--days" -> days = Integer.parseInt(rest.get(++i));
                case "--from" -> from = LocalDate.parse(rest.get(++i));
                case "--seed" -> seed = Long.parseLong(rest.get(++i));
                case "--scenarios" -> scenarios = true;
                case "--event-order" -> eventOrder = true;
                case "-h", "--help" -> {
                    System.err.println("usage: DemoDataMain [--days N] [--from yyyy-MM-dd] [--seed S] [--scenarios] [--event-order]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + a);
            }
        }
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        DemoDataGenerator generator = new DemoDataGenerator(seed, DemoDataGenerator.TIANJIN);
        if (from == null) {
            from = LocalDate.now(DemoDataGenerator.TIANJIN).minusDays(days - 1L);
        }
        LocalDate to = from.plusDays(days);
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        LocalDate last = to.minusDays(1);
        if (eventOrder) {
            generator.history(from, to).forEach(r -> print(out, r));
            if (scenarios) {
                generator.scenarios(last).forEach(r -> print(out, r));
            }
        } else {
            boolean plant = scenarios;
            generator.arrivals(from, to, day -> plant && day.equals(last)).forEach(r -> print(out, r));
        }
        out.flush();
    }

    private static void print(PrintStream out, DemoRecord r) {
        out.print(r.topic());
        out.print('\t');
        out.print(r.key());
        out.print('\t');
        out.print(r.json());
        out.print('\n');
    }
}

package org.foodrisk.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package boundaries of the service (issue 17), checked on the compiled main classes.
 *
 * <p>Two kinds of rule. Those that hold today are plain rules: breaking one fails the build. Those the
 * code does not meet yet (package cycles in the wiring) are listed
 * in this class as the dependencies of today — debt in plain
 * sight, at package or class level so that the lists do not change with every edit (ArchUnit's
 * frozen violation stores quote every call and line) — and any NEW one fails. One that is gone fails
 * too, until struck from its list: the lists only shrink, and each change to them is in a diff.
 */
class ArchitectureTest {

    /** The domain: records, rules, statistics, plans and wording — no Kafka, no Micronaut, no wiring. */
    private static final String[] DOMAIN = {
            "org.foodrisk.ingest..", "org.foodrisk.plan..", "org.foodrisk.detect..", "org.foodrisk.alert..",
            "org.foodrisk.summary..", "org.foodrisk.disposal..", "org.foodrisk.disclosure..", "org.foodrisk.consultation..",
            "org.foodrisk.communication..",
            "org.foodrisk.text..", "org.foodrisk.reference.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.foodrisk");
    }

    @Test
    void theDomainKnowsNothingOfKafkaMicronautOrTheWiring() {
        // org.foodrisk.kafka.Json (the shared Jackson mapper) is allowed: it is Jackson, not Kafka.
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka..", "io.micronaut..",
                        "org.foodrisk.topology..", "org.foodrisk.runtime..", "org.foodrisk.api..",
                        "org.foodrisk.operations..", "org.foodrisk.broker..",
                        "org.foodrisk.demo..", "org.foodrisk.evaluation..", "org.foodrisk.backtest..")
                .because("the domain is tested without a broker and read without knowing how it is wired");
        rule.check(main);
    }

    // detect/aberration is the statistics module now (statistics/, issue 17 item 5): its rule (nothing
    // else of foodrisk) is StatisticsArchitectureTest there; Maven keeps the service out of tools/.

    /**
     * Service classes that use the demo data: none. Evaluation and backtest are in tools/ since
     * 2026-12-06, the generator in demo/ (a test dependency here) and the feeder of ./run.sh in
     * demo-feeder/ since the same day, so that a demo class here would be a copy or a mistake.
     */
    private static final Set<String> KNOWN_TOOL_USERS = Set.of();

    @Test
    void theServiceUsesNoNewPartOfTheTools() {
        assertKnown(classDependencies(type -> !inAny(type, "demo", "evaluation", "backtest"),
                type -> inAny(type, "demo", "evaluation", "backtest")), KNOWN_TOOL_USERS, "KNOWN_TOOL_USERS");
    }

    /**
     * The API reads Kafka Streams' state only through {@code query}: the store readers there are the one place
     * that knows store names, key layouts, the stores' value classes and how a read is forwarded to the
     * instance that holds a key. The API's records and controllers see their answers (domain records and
     * the query's own). Before 2026-12-06 the API read {@code topology.DailyCount} and
     * {@code CountAberrationSettings} itself, and store names in seven classes.
     */
    @Test
    void theApiReadsStateOnlyThroughTheQueryPackage() {
        ArchRule rule = noClasses().that().resideInAPackage("org.foodrisk.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.foodrisk.topology..", "org.apache.kafka.streams..")
                .because("the API asks org.foodrisk.query for state; only it knows the stores, their keys and values");
        rule.check(main);
    }

    @Test
    void theQueryPackageAnswersTheApiWithoutKnowingIt() {
        // Peer credentials come in through query.PeerAuthorization, which api.access implements.
        ArchRule rule = noClasses().that().resideInAPackage("org.foodrisk.query..")
                .should().dependOnClassesThat().resideInAPackage("org.foodrisk.api..")
                .because("api depends on query: the other way would be a package cycle");
        rule.check(main);
    }

    /**
     * Store names are compile-time constants: javac copies them into the class that uses them, so the
     * bytecode rule above cannot see an API class naming {@code StoreNames.ALERTS}. Its sources can: no API
     * source names {@code StoreNames} or imports anything of {@code org.foodrisk.topology}.
     */
    @Test
    void noApiSourceNamesAStoreOrTheTopology() throws IOException {
        Path api = Path.of("src", "main", "java", "org", "foodrisk", "api");
        assertTrue(Files.isDirectory(api), "run from streams-app/ (Maven's default): " + api.toAbsolutePath());
        List<String> naming = new ArrayList<>();
        try (Stream<Path> files = Files.walk(api)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                if (source.contains("StoreNames") || source.contains("org.foodrisk.topology")) {
                    naming.add(api.relativize(file).toString());
                }
            }
        }
        assertTrue(naming.isEmpty(), "API sources that name StoreNames or org.foodrisk.topology"
                + " (read through org.foodrisk.query): " + naming);
    }

    /** "From -> To" for every top-level class of one kind that depends on a top-level class of another. */
    private static Set<String> classDependencies(Predicate<JavaClass> from,
                                                 Predicate<JavaClass> to) {
        Set<String> found = new TreeSet<>();
        for (JavaClass type : main) {
            // Micronaut's generated bean definitions ($X$Definition) repeat their bean's dependencies.
            if (!from.test(type) || type.getName().substring(type.getPackageName().length() + 1).startsWith("$")) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (to.test(target)) {
                    found.add(outermost(type).getName().substring("org.foodrisk.".length()) + " -> "
                            + outermost(target).getName().substring("org.foodrisk.".length()));
                }
            }
        }
        return found;
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static boolean inAny(JavaClass type, String... packages) {
        String top = topPackage(type.getPackageName());
        return top != null && List.of(packages).contains(top);
    }

    /** New entries fail; entries that are gone fail too, until struck from the list (the debt only shrinks). */
    private static void assertKnown(Set<String> now, Set<String> known, String listName) {
        Set<String> added = new TreeSet<>(now);
        added.removeAll(known);
        Set<String> gone = new TreeSet<>(known);
        gone.removeAll(now);
        assertTrue(added.isEmpty(), "new, not in " + listName + ": " + added);
        assertTrue(gone.isEmpty(), "gone, strike from " + listName + ": " + gone);
    }

    /**
     * The package dependencies that close a cycle today (both packages reach each other), as
     * "from -> to". Not a frozen ArchUnit cycle rule: its 1,700 lines of class-level detail change with
     * every edit. A new cyclic dependency fails; so does one that is gone until it is struck from here.
     * The domain packages are free of cycles (ingest ← plan ← detect ← alert ← disposal ← summary) since
     * 2026-12-06; only the wiring is left.
     */
    private static final Set<String> KNOWN_CYCLIC_DEPENDENCIES = Set.of(
            // The wiring: runtime builds the topology and its metrics; topology counts outputs for operations;
            // operations reads the runtime's Streams state.
            "operations -> runtime",
            "operations -> topology",
            "runtime -> operations",
            "runtime -> topology",
            "topology -> operations");

    @Test
    void noNewPackageCycles() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass type : main) {
            String from = topPackage(type.getPackageName());
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = topPackage(dependency.getTargetClass().getPackageName());
                if (from != null && to != null && !from.equals(to)) {
                    uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        Set<String> cyclic = new TreeSet<>();
        uses.forEach((from, targets) -> targets.stream()
                .filter(to -> reaches(uses, to, from))
                .forEach(to -> cyclic.add(from + " -> " + to)));
        assertKnown(cyclic, KNOWN_CYCLIC_DEPENDENCIES, "KNOWN_CYCLIC_DEPENDENCIES");
    }

    /** The package under org.foodrisk a package belongs to ({@code detect} for detect.aberration), or null. */
    private static String topPackage(String name) {
        if (!name.startsWith("org.foodrisk.")) {
            return null;
        }
        String rest = name.substring("org.foodrisk.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target) {
        Deque<String> open = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!open.isEmpty()) {
            String next = open.pop();
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next)) {
                open.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }
}

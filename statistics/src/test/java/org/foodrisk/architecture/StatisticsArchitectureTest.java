package org.foodrisk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The statistics module's boundary (issue 17, item 5), checked on its compiled main classes: the
 * surveillance methods use the JDK and Apache Commons only. Maven already keeps the rest of foodrisk
 * off this module's classpath; this rule also keeps any other library out. The service's own rules are
 * streams-app's {@code ArchitectureTest}.
 */
class StatisticsArchitectureTest {

    @Test
    void theStatisticsDependOnNothingElseOfTheService() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.foodrisk");
        ArchRule rule = noClasses().that().resideInAPackage("org.foodrisk.detect.aberration..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "org.foodrisk.detect.aberration..", "java..", "org.apache.commons..")
                .because("the surveillance methods are R's, reusable without foodrisk");
        rule.check(main);
    }
}

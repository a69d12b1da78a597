package io.leadlistener.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application's classes obey every rule of {@link ArchitectureRules}, and each rule is shown to fail on the
 * deliberate violation written for it (so a rule that matches nothing cannot pass by accident).
 */
class ArchitectureRulesTest {

    private static final String APPLICATION = "io.leadlistener";
    private static final String VIOLATIONS = "io.leadlistener.architecture.violations";

    private static final JavaClasses APPLICATION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APPLICATION);
    private static final JavaClasses VIOLATION_CLASSES = new ClassFileImporter().importPackages(VIOLATIONS);

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("frameworkFreeCores", ArchitectureRules::frameworkFreeCores, "EngineUsingJackson"),
                rule("noCyclesBetweenCapabilities", ArchitectureRules::noCyclesBetweenCapabilities, "alpha.Alpha"),
                rule("noCyclesBetweenAnyPackages", ArchitectureRules::noCyclesBetweenAnyPackages, "gamma.sub.Sub"),
                rule("httpOnlyAtTheEdge", ArchitectureRules::httpOnlyAtTheEdge, "DomainAnsweringWithHttp"),
                rule("noDependencyOnDevTooling", ArchitectureRules::noDependencyOnDevTooling, "StartsLocalInfra"));
    }

    private static Arguments rule(String name, Function<ArchitectureRules, ArchRule> rule, String violator) {
        return Arguments.of(name, rule, violator);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void applicationObeysTheRule(String name, Function<ArchitectureRules, ArchRule> rule, String violator) {
        rule.apply(new ArchitectureRules(APPLICATION)).check(APPLICATION_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFailsOnItsDeliberateViolation(String name, Function<ArchitectureRules, ArchRule> rule, String violator) {
        assertThat(VIOLATION_CLASSES).as("violation fixtures were imported").isNotEmpty();
        EvaluationResult result = rule.apply(new ArchitectureRules(VIOLATIONS)).evaluate(VIOLATION_CLASSES);
        assertThat(result.hasViolation()).as(name + " reports its violation").isTrue();
        assertThat(result.getFailureReport().getDetails()).as(name + " names the violating class")
                .anyMatch(line -> line.contains(violator));
    }
}

package io.leadlistener.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;

/**
 * The dependency rules of the code base, each one sentence of docs/architecture.md. Written against a root package
 * so that {@link ArchitectureRulesTest} can check them on the application ({@code io.leadlistener}) and show each one
 * failing on a deliberate violation (the fixtures under {@code io.leadlistener.architecture.violations}).
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    /** The tagger and the WeCom protocol code are plain Java: no framework, no JSON library, no HTTP. */
    ArchRule frameworkFreeCores() {
        return classes().that().resideInAnyPackage(root + ".intent.engine..", root + ".wecom.crypto..",
                        root + ".wecom.xml..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.ahocorasick..",
                        "com.ibm.icu..", root + ".intent.engine..", root + ".wecom.crypto..", root + ".wecom.xml..")
                .as("intent.engine, wecom.crypto and wecom.xml depend only on the JDK, org.ahocorasick, ICU and "
                        + "themselves");
    }

    /** No cycle between capabilities: each top-level package can be read (and changed) after those it uses. */
    ArchRule noCyclesBetweenCapabilities() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("top-level packages of " + root + " are free of cycles");
    }

    /** Nor inside a capability: a sub-package (api, rules, console ...) sits on top of its parent, never beside it. */
    ArchRule noCyclesBetweenAnyPackages() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("no two packages of " + root + " depend on each other");
    }

    /** HTTP lives at the edge: resources, filters and the problem mapping; the rest throws domain exceptions. */
    ArchRule httpOnlyAtTheEdge() {
        return noClasses().that().resideOutsideOfPackages("..api..", "..rest..")
                .and().areNotAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..",
                        root + ".rest..")
                .as("only *.api and *.rest packages and @Path resources use JAX-RS, RESTEasy or " + root
                        + ".rest (no domain code throws a web exception)");
    }

    /** The embedded PostgreSQL/Kafka launcher and the sample sender are dev tooling, not part of the service. */
    ArchRule noDependencyOnDevTooling() {
        return noClasses().that().resideOutsideOfPackages(root + ".localinfra..", root + ".callback.sample..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".localinfra..",
                        root + ".callback.sample..")
                .as("nothing depends on the dev-only localinfra and callback.sample");
    }
}

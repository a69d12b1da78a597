/**
 * Deliberate violations of {@code ArchitectureRules}, one per rule, laid out like the application under a root of
 * their own; {@code ArchitectureRulesTest} checks that each rule reports its violation. Never used by any code.
 */
package io.leadlistener.architecture.violations;

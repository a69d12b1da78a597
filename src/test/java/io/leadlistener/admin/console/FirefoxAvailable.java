package io.leadlistener.admin.console;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Like {@link ChromiumAvailable}, for Debian's firefox-esr: skipped loudly locally, a failure with {@code CI=true}. */
public class FirefoxAvailable implements ExecutionCondition {

    static final String INSTALL = "apt-get install -y --no-install-recommends firefox-esr";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(FirefoxBiDi.FIREFOX)) {
            return ConditionEvaluationResult.enabled("firefox-esr found");
        }
        String message = "FIREFOX TESTS NOT RUN: " + FirefoxBiDi.FIREFOX + " is missing; install with: " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: a missing browser is a failure, not a skip)");
        }
        System.err.println("\n*** " + message + " ***\n");
        return ConditionEvaluationResult.disabled(message);
    }
}

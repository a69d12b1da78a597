package io.leadlistener.architecture.violations.beta;

/** The other half of {@code alpha.Alpha}'s cycle. */
public class Beta {
    io.leadlistener.architecture.violations.alpha.Alpha alpha;
}

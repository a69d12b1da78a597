package io.leadlistener.architecture.violations.alpha;

/** Breaks noCyclesBetweenCapabilities with {@code beta.Beta}. */
public class Alpha {
    io.leadlistener.architecture.violations.beta.Beta beta;
}

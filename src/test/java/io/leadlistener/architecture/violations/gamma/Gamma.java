package io.leadlistener.architecture.violations.gamma;

/** Breaks noCyclesBetweenAnyPackages with its own sub-package (no cycle between top-level packages). */
public class Gamma {
    io.leadlistener.architecture.violations.gamma.sub.Sub sub;
}

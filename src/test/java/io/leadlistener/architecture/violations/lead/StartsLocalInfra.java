package io.leadlistener.architecture.violations.lead;

/** Breaks noDependencyOnDevTooling. */
class StartsLocalInfra {
    io.leadlistener.architecture.violations.localinfra.EmbeddedDatabase database;
}

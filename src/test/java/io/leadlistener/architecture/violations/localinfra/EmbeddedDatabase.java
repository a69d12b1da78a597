package io.leadlistener.architecture.violations.localinfra;

/** Stands for the dev-only launcher. */
public class EmbeddedDatabase {
}

package io.leadlistener.architecture.violations.intent.engine;

/** Breaks frameworkFreeCores: the engine reaching for a JSON library. */
class EngineUsingJackson {
    Object mapper = new com.fasterxml.jackson.databind.ObjectMapper();
}

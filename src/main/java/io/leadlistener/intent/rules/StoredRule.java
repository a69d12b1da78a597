package io.leadlistener.intent.rules;

import io.leadlistener.intent.engine.IntentRule;

/** A rule with its id, which stays the same across drafts and versions so changes can be diffed. */
public record StoredRule(long id, IntentRule rule) {
}

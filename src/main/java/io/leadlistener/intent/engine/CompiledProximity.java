package io.leadlistener.intent.engine;

/**
 * An enabled combination or mention frame as the tagger reads it: the rule, its intent as the rule set's
 * canonical instance (compared by identity on the hot path) and its parts' settings unpacked.
 */
final class CompiledProximity {

    final IntentRule rule;
    final String intent;
    final boolean anyIntent;
    final int window;
    final boolean ordered;
    final ProximityEffect effect;
    final boolean sentenceScope;

    CompiledProximity(IntentRule rule, String canonicalIntent) {
        this.rule = rule;
        this.intent = canonicalIntent;
        this.anyIntent = IntentRule.ANY_INTENT.equals(canonicalIntent);
        this.window = rule.proximity().window();
        this.ordered = rule.proximity().ordered();
        this.effect = rule.proximity().effect();
        this.sentenceScope = rule.proximity().scope() == ProximityScope.SENTENCE;
    }

    /** Whether it applies to matches of {@code canonicalIntent} (a canonical instance). */
    boolean appliesTo(String canonicalIntent) {
        return anyIntent || intent == canonicalIntent;
    }
}

package io.leadlistener.intent.rules;


/** A rule as the admin API shows it. */
public record RuleView(long id, String intent, String kind, String keyword, boolean enabled, String note) {

    public static RuleView of(StoredRule stored) {
        return new RuleView(stored.id(), stored.rule().intent(), stored.rule().kind().code(), stored.rule().keyword(),
                stored.rule().enabled(), stored.rule().note());
    }
}

package io.leadlistener.intent.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.Proximity;
import java.util.List;

/**
 * A rule as the admin API shows it. {@code words} only for a word set; {@code a}, {@code b}, {@code window},
 * {@code ordered}, {@code effect} and {@code scope} only for a combination or mention frame (whose {@code keyword} is its
 * readable form, {@code a … b}).
 */
public record RuleView(long id, String intent, String kind, String keyword, boolean enabled, String note,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> words,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> a,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> b,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer window,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean ordered,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String effect,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String scope) {

    public static RuleView of(StoredRule stored) {
        IntentRule rule = stored.rule();
        Proximity proximity = rule.proximity();
        return new RuleView(stored.id(), rule.intent(), rule.kind().code(), rule.keyword(), rule.enabled(), rule.note(),
                rule.words().isEmpty() ? null : rule.words(),
                proximity == null ? null : proximity.a(), proximity == null ? null : proximity.b(),
                proximity == null ? null : proximity.window(), proximity == null ? null : proximity.ordered(),
                proximity == null ? null : proximity.effect().code(),
                proximity == null ? null : proximity.scope().code());
    }
}

package io.leadlistener.intent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadlistener.intent.engine.IntentMatch;
import io.leadlistener.intent.engine.SuppressedMatch;
import io.leadlistener.intent.engine.TaggingResult;
import java.util.List;

/**
 * A tagging result as the API shows it and the inbox stores it:
 * {@code {"intents", "matches", "suppressed", "ruleSetVersion"}}, offsets in UTF-16 code units of the original
 * text (end exclusive), suppressed matches with {@code reason} {@code negated} (and its {@code cue}) or
 * {@code excluded} (and its {@code phrase}).
 */
public record TaggingView(List<String> intents, List<IntentMatch> matches, List<SuppressedView> suppressed,
                          long ruleSetVersion) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuppressedView(String intent, String keyword, String text, int start, int end, String reason,
                                 String cue, String phrase) {
    }

    public static TaggingView of(TaggingResult result) {
        return new TaggingView(result.intents(), result.matches(),
                result.suppressed().stream().map(TaggingView::view).toList(), result.ruleSetVersion());
    }

    private static SuppressedView view(SuppressedMatch match) {
        return new SuppressedView(match.intent(), match.keyword(), match.text(), match.start(), match.end(),
                match.reason().code(), match.cue(), match.phrase());
    }
}

package io.leadlistener.intent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadlistener.intent.engine.IntentMatch;
import io.leadlistener.intent.engine.MatchPart;
import io.leadlistener.intent.engine.SuppressedMatch;
import io.leadlistener.intent.engine.TaggingResult;
import java.util.List;

/**
 * A tagging result as the API shows it and the inbox stores it:
 * {@code {"intents", "matches", "suppressed", "ruleSetVersion"}}, offsets in UTF-16 code units of the original
 * text (end exclusive). A combination's match carries {@code parts} ({@code [{text, start, end}]}, its span from the
 * first to the last part, {@code keyword} its readable form); single keywords have none. Suppressed matches have
 * {@code reason} {@code negated} (and its {@code cue}), {@code excluded} (and its {@code phrase}) or {@code mention}
 * (and its {@code frame}).
 */
public record TaggingView(List<String> intents, List<MatchView> matches, List<SuppressedView> suppressed,
                          long ruleSetVersion) {

    public record MatchView(String intent, String keyword, String text, int start, int end,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MatchPart> parts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuppressedView(String intent, String keyword, String text, int start, int end, String reason,
                                 String cue, String phrase, String frame,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MatchPart> parts) {
    }

    public static TaggingView of(TaggingResult result) {
        return new TaggingView(result.intents(), result.matches().stream().map(TaggingView::view).toList(),
                result.suppressed().stream().map(TaggingView::view).toList(), result.ruleSetVersion());
    }

    private static MatchView view(IntentMatch match) {
        return new MatchView(match.intent(), match.keyword(), match.text(), match.start(), match.end(), match.parts());
    }

    private static SuppressedView view(SuppressedMatch match) {
        return new SuppressedView(match.intent(), match.keyword(), match.text(), match.start(), match.end(),
                match.reason().code(), match.cue(), match.phrase(), match.frame(), match.parts());
    }
}

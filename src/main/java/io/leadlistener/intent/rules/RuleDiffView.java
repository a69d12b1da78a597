package io.leadlistener.intent.rules;

import java.util.List;

/** A change between two states of a rule set, as the admin API shows it. */
public record RuleDiffView(String summary, List<RuleView> added, List<RuleView> removed, List<ChangeView> changed) {

    public record ChangeView(long id, RuleView before, RuleView after) {
    }

    public static RuleDiffView of(RuleDiff diff) {
        return new RuleDiffView(diff.summary(), diff.added().stream().map(RuleView::of).toList(),
                diff.removed().stream().map(RuleView::of).toList(),
                diff.changed().stream().map(change -> new ChangeView(change.id(), RuleView.of(change.before()),
                        RuleView.of(change.after()))).toList());
    }
}

package io.leadlistener.intent.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two states of a rule set, by rule id. */
public record RuleDiff(List<StoredRule> added, List<StoredRule> removed, List<Change> changed) {

    public record Change(long id, StoredRule before, StoredRule after) {
    }

    public static RuleDiff between(List<StoredRule> before, List<StoredRule> after) {
        Map<Long, StoredRule> old = before.stream().collect(Collectors.toMap(StoredRule::id, Function.identity()));
        Map<Long, StoredRule> now = after.stream().collect(Collectors.toMap(StoredRule::id, Function.identity()));
        List<StoredRule> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (StoredRule rule : after) {
            StoredRule previous = old.get(rule.id());
            if (previous == null) {
                added.add(rule);
            } else if (!previous.rule().equals(rule.rule())) {
                changed.add(new Change(rule.id(), previous, rule));
            }
        }
        List<StoredRule> removed = before.stream().filter(rule -> !now.containsKey(rule.id())).toList();
        added.sort(Comparator.comparingLong(StoredRule::id));
        changed.sort(Comparator.comparingLong(Change::id));
        return new RuleDiff(List.copyOf(added), removed.stream().sorted(Comparator.comparingLong(StoredRule::id))
                .toList(), List.copyOf(changed));
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public String summary() {
        return added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed";
    }
}

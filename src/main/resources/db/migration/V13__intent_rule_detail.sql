-- Rule kinds that hold more than one keyword (issue 16): a word set's words, a combination's or mention frame's
-- parts, window, order and effect, as JSON ({"words": [...]} or {"a": [...], "b": [...], "window": 8,
-- "ordered": false, "effect": "tag"}). Null for the one-keyword kinds. See docs/intent-rules.md.
alter table intent_rule_draft add column detail text;
alter table intent_rule_version_rule add column detail text;

package io.leadlistener.intent.engine;

/**
 * What a rule holds beyond its one keyword: the words of a {@link RuleKind#WORD_SET}, or the two parts of a
 * {@link RuleKind#COMBINATION} or {@link RuleKind#MENTION_FRAME}. Rules of the other kinds have none.
 */
public sealed interface RuleDetail permits WordList, Proximity {
}

package io.leadlistener.intent.engine.benchmark;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.engine.RuleFile;
import io.leadlistener.intent.engine.RuleSet;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Messages per second over the same 10,000 messages: the raw automata's {@code parseText} (no normalization,
 * no negation, results collected as the libraries do) against our full tagger (normalize + match + negation
 * + exclusions + explanation). The raw automata hold exactly the normalized keywords of the tagger's rule set.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IntentTaggerBenchmark {

    /**
     * {@code 12}: a toy dictionary; {@code shipped}: exactly the shipped {@code default-rules.tsv} (word sets,
     * combinations and mention frames included); {@code 2000}: the shipped rules topped up with generated keywords
     * to 2,000 rules.
     */
    @Param({"12", "shipped", "2000"})
    public String dictionary;

    private String[] messages;
    private IntentTagger tagger;
    private Trie ahoCorasick;
    private AhoCorasickDoubleArrayTrie<String> doubleArrayTrie;

    @Setup
    public void setUp() {
        messages = BenchmarkMessages.messages().toArray(String[]::new);
        List<IntentRule> rules = switch (dictionary) {
            case "12" -> BenchmarkMessages.smallDictionary();
            case "shipped" -> RuleFile.defaultRules();
            case "2000" -> BenchmarkMessages.largeDictionary();
            default -> throw new IllegalArgumentException("no dictionary '" + dictionary + "'");
        };
        if (!dictionary.equals("shipped") && rules.size() != Integer.parseInt(dictionary)) {
            throw new IllegalStateException("dictionary has " + rules.size() + " rules, not " + dictionary);
        }
        RuleSet ruleSet = RuleSet.compile(1, rules);
        tagger = new IntentTagger(ruleSet);

        // The raw automata hold exactly what the tagger's automaton holds: every normalized keyword, cue, phrase
        // and word of a combination's or frame's parts.
        TreeMap<String, String> keywords = new TreeMap<>();
        ruleSet.automatonWords().forEach(word -> keywords.put(word, word));
        ahoCorasick = Trie.builder().addKeywords(keywords.keySet()).build();
        doubleArrayTrie = new AhoCorasickDoubleArrayTrie<>();
        doubleArrayTrie.build(keywords);
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkMessages.MESSAGE_COUNT)
    public void ahoCorasickParseText(Blackhole blackhole) {
        for (String message : messages) {
            blackhole.consume(ahoCorasick.parseText(message));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkMessages.MESSAGE_COUNT)
    public void doubleArrayTrieParseText(Blackhole blackhole) {
        for (String message : messages) {
            blackhole.consume(doubleArrayTrie.parseText(message));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchmarkMessages.MESSAGE_COUNT)
    public void fullTagger(Blackhole blackhole) {
        for (String message : messages) {
            blackhole.consume(tagger.tag(message));
        }
    }
}

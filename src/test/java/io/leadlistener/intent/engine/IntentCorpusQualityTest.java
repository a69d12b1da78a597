package io.leadlistener.intent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision/recall/F1 per intent and exact-match rate per kind of message for the shipped dictionary, on the two
 * parts of the labelled corpus, reported separately (docs/intent-engine.md, "Quality"):
 * <ul>
 *   <li>{@code intent/corpus.tsv} — the <b>tuning</b> part: rules may be tuned on it, so its score measures memory;</li>
 *   <li>{@code intent/corpus-heldout.tsv} — the <b>blind held-out</b> part, written from the labelling guide alone
 *       and frozen before any rule was tuned for it; never used for tuning. Its failures are not printed, so that
 *       nobody tunes on them by accident.</li>
 * </ul>
 */
class IntentCorpusQualityTest {

    private static final String TUNING = "intent/corpus.tsv";
    private static final String HELD_OUT = "intent/corpus-heldout.tsv";
    private static final String HELD_OUT_B = "intent/corpus-heldout-b.tsv";
    private static final List<String> KINDS =
            List.of("plain", "multi", "none", "negated", "variant", "lookalike", "colloquial", "quality");

    // Tuning part: the bar the rules are tuned to.
    private static final double TUNING_MIN_F1 = 0.95;
    private static final double TUNING_MIN_EXACT = 0.95;
    private static final double TUNING_MIN_EXACT_PER_KIND = 0.88;

    // Held-out part: the issue's bars, micro F1 >= 0.95, exact >= 0.92 and every kind >= 0.85, all met
    // (docs/intent-engine.md); the per-intent F1 has a floor at the score reached, so a change that loses ground fails.
    private static final double HELD_OUT_MIN_MICRO_F1 = 0.95;
    private static final double HELD_OUT_MIN_EXACT = 0.92;
    private static final double HELD_OUT_MIN_EXACT_PER_KIND = 0.85;
    private static final double HELD_OUT_MIN_F1_PER_INTENT = 0.93;
    // Held-out part B, written after the rules existed and never tuned on: floors at the score reached.
    private static final double HELD_OUT_B_MIN_MICRO_F1 = 0.94;
    private static final double HELD_OUT_B_MIN_EXACT = 0.91;

    private static List<Outcome> tuning;
    private static List<Outcome> heldOut;
    private static List<Outcome> heldOutB;

    record Example(int line, String kind, Set<String> expected, String text) {
    }

    record Outcome(Example example, Set<String> actual) {
        boolean exact() {
            return example.expected().equals(actual);
        }
    }

    record Score(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score other) {
            return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    @BeforeAll
    static void tagCorpus() throws IOException {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(1, RuleFile.defaultRules()));
        tuning = tag(tagger, readCorpus(TUNING));
        heldOut = tag(tagger, readCorpus(HELD_OUT));
        heldOutB = tag(tagger, readCorpus(HELD_OUT_B));
        System.out.println(report("TUNING part (rules tuned on it: measures memory)", tuning)
                + mismatches(tuning));
        System.out.println(report("BLIND HELD-OUT part (never tuned on: measures generalisation)", heldOut)
                + "(held-out mismatches are deliberately not printed)\n");
        System.out.println(report("BLIND HELD-OUT part B (written after the rules, never tuned on)", heldOutB)
                + "(held-out mismatches are deliberately not printed)\n");
    }

    private static List<Outcome> tag(IntentTagger tagger, List<Example> examples) {
        return examples.stream().map(e -> new Outcome(e, new TreeSet<>(tagger.tag(e.text()).intents()))).toList();
    }

    @Test
    void corpusIsLargeAndCoversEveryKindOfTheGuide() {
        List<Outcome> all = new ArrayList<>(tuning);
        all.addAll(heldOut);
        assertThat(all).hasSizeGreaterThanOrEqualTo(1200);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(400);
        for (List<Outcome> part : List.of(tuning, heldOut)) {
            assertThat(part.stream().map(o -> o.example().kind()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(KINDS);
        }
        assertThat(countOfKind(all, "colloquial")).isGreaterThanOrEqualTo(100);
        assertThat(countOfKind(all, "lookalike")).isGreaterThanOrEqualTo(100);
        assertThat(countOfKind(all, "quality")).isGreaterThanOrEqualTo(80);
    }

    @Test
    void noLineIsInBothPartsOrTwiceInOne() {
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (List<Outcome> part : List.of(tuning, heldOut, heldOutB)) {
            part.forEach(o -> {
                if (!seen.add(o.example().text())) {
                    repeated.add(o.example().text());
                }
            });
        }
        assertThat(repeated).isEmpty();
    }

    @Test
    void tuningPartReachesItsBars() {
        scoresPerIntent(tuning).forEach((intent, score) -> assertThat(score.f1())
                .as("tuning F1 of %s (%s)%n%s", intent, score, mismatches(tuning))
                .isGreaterThanOrEqualTo(TUNING_MIN_F1));
        exactMatchPerKind(tuning).forEach((kind, rate) -> assertThat(rate)
                .as("tuning exact-match rate of %s messages%n%s", kind, mismatches(tuning))
                .isGreaterThanOrEqualTo(TUNING_MIN_EXACT_PER_KIND));
        assertThat(exactMatch(tuning)).isGreaterThanOrEqualTo(TUNING_MIN_EXACT);
    }

    @Test
    void heldOutPartReachesTheIssuesBars() {
        assertThat(microScore(heldOut).f1()).as("held-out micro F1").isGreaterThanOrEqualTo(HELD_OUT_MIN_MICRO_F1);
        assertThat(exactMatch(heldOut)).as("held-out exact match").isGreaterThanOrEqualTo(HELD_OUT_MIN_EXACT);
        exactMatchPerKind(heldOut).forEach((kind, rate) -> assertThat(rate)
                .as("held-out exact-match rate of %s messages", kind)
                .isGreaterThanOrEqualTo(HELD_OUT_MIN_EXACT_PER_KIND));
        scoresPerIntent(heldOut).forEach((intent, score) -> assertThat(score.f1())
                .as("held-out F1 of %s", intent).isGreaterThanOrEqualTo(HELD_OUT_MIN_F1_PER_INTENT));
    }

    @Test
    void heldOutPartBKeepsTheScoreReached() {
        assertThat(heldOutB).hasSizeGreaterThanOrEqualTo(300);
        assertThat(microScore(heldOutB).f1()).as("held-out B micro F1").isGreaterThanOrEqualTo(HELD_OUT_B_MIN_MICRO_F1);
        assertThat(exactMatch(heldOutB)).as("held-out B exact match").isGreaterThanOrEqualTo(HELD_OUT_B_MIN_EXACT);
    }

    private static long countOfKind(List<Outcome> outcomes, String kind) {
        return outcomes.stream().filter(o -> o.example().kind().equals(kind)).count();
    }

    private static Map<String, Score> scoresPerIntent(List<Outcome> outcomes) {
        Set<String> intents = new TreeSet<>();
        outcomes.forEach(o -> {
            intents.addAll(o.example().expected());
            intents.addAll(o.actual());
        });
        Map<String, Score> scores = new TreeMap<>();
        for (String intent : intents) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Outcome o : outcomes) {
                boolean expected = o.example().expected().contains(intent);
                boolean actual = o.actual().contains(intent);
                tp += expected && actual ? 1 : 0;
                fp += !expected && actual ? 1 : 0;
                fn += expected && !actual ? 1 : 0;
            }
            scores.put(intent, new Score(tp, fp, fn));
        }
        return scores;
    }

    private static Score microScore(List<Outcome> outcomes) {
        return scoresPerIntent(outcomes).values().stream().reduce(new Score(0, 0, 0), Score::plus);
    }

    private static Map<String, Double> exactMatchPerKind(List<Outcome> outcomes) {
        Map<String, Double> rates = new TreeMap<>(Comparator.comparingInt(KINDS::indexOf));
        for (String kind : KINDS) {
            rates.put(kind, exactMatch(outcomes.stream().filter(o -> o.example().kind().equals(kind)).toList()));
        }
        return rates;
    }

    private static double exactMatch(List<Outcome> some) {
        return ratio((int) some.stream().filter(Outcome::exact).count(), some.size());
    }

    private static String report(String title, List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder("\nIntent corpus quality, " + title + " — " + outcomes.size()
                + " messages\n");
        out.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %5s %5s %5s%n", "intent", "precision", "recall",
                "F1", "TP", "FP", "FN"));
        Map<String, Score> scores = new TreeMap<>(scoresPerIntent(outcomes));
        scores.put("(micro)", microScore(outcomes));
        scores.forEach((intent, s) -> out.append(String.format(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %5d %5d %5d%n",
                intent, s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives())));
        out.append(String.format(Locale.ROOT, "%-10s %9s %11s%n", "kind", "messages", "exact-match"));
        exactMatchPerKind(outcomes).forEach((kind, rate) -> out.append(String.format(Locale.ROOT, "%-10s %9d %11.3f%n",
                kind, countOfKind(outcomes, kind), rate)));
        out.append(String.format(Locale.ROOT, "%-10s %9d %11.3f%n", "all", outcomes.size(), exactMatch(outcomes)));
        return out.toString();
    }

    private static String mismatches(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.exact())
                .map(o -> String.format(Locale.ROOT, "  line %d [%s] expected %s, got %s: %s", o.example().line(),
                        o.example().kind(), o.example().expected(), o.actual(), o.example().text()))
                .collect(Collectors.joining("\n", "mismatches:\n", "\n"));
    }

    private static List<Example> readCorpus(String resource) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = IntentCorpusQualityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                assertThat(fields).as("line %d of %s", number, resource).hasSize(3);
                assertThat(KINDS).as("kind on line %d of %s", number, resource).contains(fields[0]);
                Set<String> expected = fields[1].equals("-") ? Set.of()
                        : new TreeSet<>(Arrays.asList(fields[1].split(",")));
                examples.add(new Example(number, fields[0], expected, fields[2]));
            }
        }
        return examples;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}

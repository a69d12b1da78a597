package io.leadlistener.intent.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision/recall/F1 per intent and exact-match rate per kind of message, for the shipped dictionary on
 * the labelled corpus {@code src/test/resources/intent/corpus.tsv}. The report is printed on every run.
 */
class IntentCorpusQualityTest {

    private static final String CORPUS = "intent/corpus.tsv";
    private static final List<String> KINDS = List.of("plain", "multi", "none", "negated", "disguised", "lookalike", "colloquial");
    private static final double MIN_F1 = 0.95;
    private static final double MIN_EXACT_MATCH = 0.90;

    private static List<Outcome> outcomes;

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
    }

    @BeforeAll
    static void tagCorpus() throws IOException {
        IntentTagger tagger = new IntentTagger(RuleSet.compile(1, RuleFile.defaultRules()));
        outcomes = readCorpus().stream()
                .map(e -> new Outcome(e, new TreeSet<>(tagger.tag(e.text()).intents())))
                .toList();
        System.out.println(report());
    }

    @Test
    void corpusIsLargeAndCoversEveryKind() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(300);
        assertThat(outcomes.stream().map(o -> o.example().kind()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(KINDS);
        assertThat(outcomes.stream().map(o -> o.example().text()).distinct()).hasSameSizeAs(outcomes);
    }

    @Test
    void everyShippedIntentReachesTheF1Bar() {
        Map<String, Score> scores = scoresPerIntent();
        assertThat(scores.keySet()).containsExactly("agency", "quote", "sample");
        scores.forEach((intent, score) -> assertThat(score.f1())
                .as("F1 of %s (%s)%n%s", intent, score, mismatches())
                .isGreaterThanOrEqualTo(MIN_F1));
    }

    @Test
    void everyKindOfMessageReachesTheExactMatchBar() {
        exactMatchPerKind().forEach((kind, rate) -> assertThat(rate)
                .as("exact-match rate of %s messages%n%s", kind, mismatches())
                .isGreaterThanOrEqualTo(MIN_EXACT_MATCH));
        assertThat(exactMatch(outcomes)).isGreaterThanOrEqualTo(MIN_EXACT_MATCH);
    }

    private static Map<String, Score> scoresPerIntent() {
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

    private static Map<String, Double> exactMatchPerKind() {
        Map<String, Double> rates = new TreeMap<>(java.util.Comparator.comparingInt(KINDS::indexOf));
        for (String kind : KINDS) {
            rates.put(kind, exactMatch(outcomes.stream().filter(o -> o.example().kind().equals(kind)).toList()));
        }
        return rates;
    }

    private static double exactMatch(List<Outcome> some) {
        return ratio((int) some.stream().filter(Outcome::exact).count(), some.size());
    }

    private static String report() {
        StringBuilder out = new StringBuilder("\nIntent corpus quality (" + outcomes.size() + " messages)\n");
        out.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %5s %5s %5s%n", "intent", "precision", "recall", "F1", "TP", "FP", "FN"));
        scoresPerIntent().forEach((intent, s) -> out.append(String.format(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %5d %5d %5d%n",
                intent, s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives())));
        out.append(String.format(Locale.ROOT, "%-10s %9s %11s%n", "kind", "messages", "exact-match"));
        exactMatchPerKind().forEach((kind, rate) -> out.append(String.format(Locale.ROOT, "%-10s %9d %11.3f%n", kind,
                outcomes.stream().filter(o -> o.example().kind().equals(kind)).count(), rate)));
        out.append(String.format(Locale.ROOT, "%-10s %9d %11.3f%n", "all", outcomes.size(), exactMatch(outcomes)));
        out.append(mismatches());
        return out.toString();
    }

    private static String mismatches() {
        return outcomes.stream().filter(o -> !o.exact())
                .map(o -> String.format(Locale.ROOT, "  line %d [%s] expected %s, got %s: %s", o.example().line(),
                        o.example().kind(), o.example().expected(), o.actual(), o.example().text()))
                .collect(Collectors.joining("\n", "mismatches:\n", "\n"));
    }

    private static List<Example> readCorpus() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = IntentCorpusQualityTest.class.getClassLoader().getResourceAsStream(CORPUS)) {
            assertThat(in).as(CORPUS).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                assertThat(fields).as("line %d of %s", number, CORPUS).hasSize(3);
                assertThat(KINDS).as("kind on line %d", number).contains(fields[0]);
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

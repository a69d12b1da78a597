package io.leadlistener.intent.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rules from the tab-separated format of the shipped dictionary: {@code intent, kind, keyword, note}
 * per line; {@code #} starts a comment line; blank lines are ignored. Every rule read is enabled.
 *
 * <p>The kinds that hold more than one word write it in the keyword column:
 * <ul>
 *   <li>{@code word_set}: {@code name = word|word|…} ({@code how-much = 多少|几钱|啥价});</li>
 *   <li>{@code combination} and {@code mention_frame}: {@code a … b (options)}, each part {@code |}-separated
 *       words and {@code @set} references, options (all optional, comma-separated) {@code within N} (default
 *       {@value Proximity#DEFAULT_WINDOW}), {@code in order}, {@code in one sentence}, {@code effect E}
 *       ({@code @how-much … @cost-words (within 6)}).</li>
 * </ul>
 */
public final class RuleFile {

    /** Name of the reserved rule set that holds the shipped dictionary. */
    public static final String DEFAULT_RULE_SET = "default";

    /** Classpath resource of the shipped dictionary. */
    public static final String DEFAULT_RULES_RESOURCE = "intent/default-rules.tsv";

    private static final Pattern OPTIONS = Pattern.compile("\\(([^()]*)\\)\\s*$");
    private static final Pattern WITHIN = Pattern.compile("within\\s+(-?\\d+)");
    private static final Pattern EFFECT = Pattern.compile("effect\\s+(\\S+)");

    private RuleFile() {
    }

    /** The shipped dictionary (rule set {@value #DEFAULT_RULE_SET}). */
    public static List<IntentRule> defaultRules() {
        try (InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(DEFAULT_RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RULES_RESOURCE + " is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RULES_RESOURCE, e);
        }
    }

    /**
     * Parses rules.
     *
     * @throws IllegalArgumentException naming the line of the first malformed rule
     */
    public static List<IntentRule> read(Reader source) throws IOException {
        List<IntentRule> rules = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3 || fields.length > 4) {
                throw new IllegalArgumentException("line " + number + ": expected intent<TAB>kind<TAB>keyword[<TAB>note]"
                        + " but found " + fields.length + " field(s)");
            }
            try {
                rules.add(parseRule(fields[0].strip(), RuleKind.fromCode(fields[1]), fields[2].strip(),
                        fields.length == 4 ? fields[3].strip() : ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static IntentRule parseRule(String intent, RuleKind kind, String written, String note) {
        if (kind == RuleKind.WORD_SET) {
            int equals = written.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("a word_set is written 'name = word|word|…', not '" + written + "'");
            }
            return new IntentRule(intent, kind, written.substring(0, equals).strip(), true, note,
                    new WordList(words(written.substring(equals + 1))));
        }
        if (!kind.isProximity()) {
            return new IntentRule(intent, kind, written, true, note);
        }
        int window = Proximity.DEFAULT_WINDOW;
        boolean ordered = false;
        ProximityEffect effect = ProximityEffect.defaultFor(kind);
        ProximityScope scope = ProximityScope.CLAUSE;
        String parts = written;
        Matcher options = OPTIONS.matcher(written);
        if (options.find()) {
            parts = written.substring(0, options.start());
            for (String option : options.group(1).split(",")) {
                String trimmed = option.strip();
                Matcher within = WITHIN.matcher(trimmed);
                Matcher effectOption = EFFECT.matcher(trimmed);
                if (within.matches()) {
                    window = Integer.parseInt(within.group(1));
                } else if (trimmed.equals("in order")) {
                    ordered = true;
                } else if (trimmed.equals("in one sentence")) {
                    scope = ProximityScope.SENTENCE;
                } else if (effectOption.matches()) {
                    effect = ProximityEffect.fromCode(effectOption.group(1));
                } else if (!trimmed.isEmpty()) {
                    throw new IllegalArgumentException("unknown option '" + trimmed
                            + "'; expected 'within N', 'in order' or 'effect E'");
                }
            }
        }
        String[] sides = parts.split("…|\\.\\.\\.", -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException("a " + kind.code() + " is written 'a … b (options)', not '" + written
                    + "'");
        }
        return new IntentRule(intent, kind, "", true, note,
                new Proximity(words(sides[0]), words(sides[1]), window, ordered, effect, scope));
    }

    private static List<String> words(String alternatives) {
        List<String> words = new ArrayList<>();
        for (String word : alternatives.split("\\|")) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }
}

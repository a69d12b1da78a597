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

/**
 * Reads rules from the tab-separated format of the shipped dictionary: {@code intent, kind, keyword, note}
 * per line; {@code #} starts a comment line; blank lines are ignored. Every rule read is enabled.
 */
public final class RuleFile {

    /** Name of the reserved rule set that holds the shipped dictionary. */
    public static final String DEFAULT_RULE_SET = "default";

    /** Classpath resource of the shipped dictionary. */
    public static final String DEFAULT_RULES_RESOURCE = "intent/default-rules.tsv";

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
                rules.add(new IntentRule(fields[0].strip(), RuleKind.fromCode(fields[1]), fields[2].strip(), true,
                        fields.length == 4 ? fields[3].strip() : ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }
}

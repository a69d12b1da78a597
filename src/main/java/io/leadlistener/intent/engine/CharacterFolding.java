package io.leadlistener.intent.engine;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-character folding table: NFKC (full width → half width, compatibility forms, {@code ⼈} → {@code 人}),
 * lower case, Traditional → Simplified, and the class of what is removed. Built once per JVM from the JDK's
 * Unicode data and ICU's {@code Traditional-Simplified} transliterator, so a message costs two array reads
 * per character instead of three library calls per message.
 *
 * <p>Folding is per character, which keeps a one-to-one position map back to the original text. What that
 * gives up, deliberately:
 * <ul>
 *   <li>ICU's ~1,000 phrase rules ({@code 乾隆}, {@code 餘額}) are context-dependent and not applied: a
 *       Traditional character always folds to its single-character mapping. Keywords go through the same
 *       table, so a keyword and a message always fold alike; at worst two rare words fold together.</li>
 *   <li>The ~170 Traditional characters whose Simplified form lies outside the BMP keep their form.</li>
 *   <li>Combining sequences are not composed across characters (a decomposed {@code é} loses its accent).</li>
 * </ul>
 *
 * <p>Immutable after construction; the shared instance is created lazily and safely published by the
 * class-holder idiom. It is read from the table the build computed ({@link FoldingTableFile}) when that table was
 * made by this very class on the same Java and ICU versions, and computed here otherwise.
 */
final class CharacterFolding {

    /**
     * Codes below {@link #FIRST_KEPT} in the table; anything else is the folded character itself (folding
     * never yields a control character). The removal codes double as {@link Separator} codes.
     */
    static final char KEEP = 0;
    static final char INNER = 1;
    static final char SOFT = 2;
    static final char HARD = 3;
    /** NFKC expands the character into several ({@code ㍿} → {@code 株式会社}): see {@link #bmpExpansion}. */
    static final char EXPAND = 4;
    /** A high surrogate: look at the whole code point, see {@link #supplementary}. */
    static final char SUPPLEMENTARY = 5;
    static final char FIRST_KEPT = 8;

    /** Sentence punctuation after NFKC (so {@code ，} is already {@code ,} and {@code …} is {@code ...}). */
    private static final String CLAUSE_PUNCTUATION = ",.!?;~。｡〜¡¿\n\r\u0085\u2028\u2029";

    /** One array, one read per character: class and folded character share a cache line. */
    private final char[] bmp;
    private final Map<Character, String> bmpExpansions;
    private final Map<Integer, String> supplementaryFolds;

    private static final class Shared {
        static final CharacterFolding INSTANCE = FoldingTableFile.readShipped().orElseGet(CharacterFolding::compute);
    }

    static CharacterFolding shared() {
        return Shared.INSTANCE;
    }

    /** A table as {@link #compute()} made it; the array is taken over, not copied. */
    CharacterFolding(char[] bmp, Map<Character, String> bmpExpansions, Map<Integer, String> supplementaryFolds) {
        if (bmp.length != 65536) {
            throw new IllegalArgumentException("a folding table has 65536 entries, not " + bmp.length);
        }
        this.bmp = bmp;
        this.bmpExpansions = Map.copyOf(bmpExpansions);
        this.supplementaryFolds = Map.copyOf(supplementaryFolds);
    }

    /**
     * Computes the table from the JDK's Unicode data and ICU: 0.3 s of CPU with tiered compilation, 0.7 s with the
     * image's C2-only JVM, which is why the build does it once ({@link FoldingTableFile}).
     */
    static CharacterFolding compute() {
        char[] bmp = new char[65536];
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        Map<Character, String> expansions = new HashMap<>();
        StringBuilder kept = new StringBuilder(8);
        for (int c = 0; c < 65536; c++) {
            if (Character.isHighSurrogate((char) c)) {
                bmp[c] = SUPPLEMENTARY;
                continue;
            }
            if (Character.isLowSurrogate((char) c)) {
                bmp[c] = INNER; // a lone low surrogate; pairs are taken whole at their high surrogate
                continue;
            }
            char removed = fold(c, toSimplified, kept);
            if (kept.length() == 0) {
                bmp[c] = removed;
            } else if (kept.length() == 1 && kept.charAt(0) >= FIRST_KEPT) {
                bmp[c] = kept.charAt(0);
            } else {
                bmp[c] = EXPAND;
                expansions.put((char) c, kept.toString());
            }
        }
        // Fold already-folded text the same way (ICU maps 苎→苧 and 苧→苎): follow each mapping once more.
        for (int c = 0; c < 65536; c++) {
            char folded = bmp[c];
            if (folded >= FIRST_KEPT && bmp[folded] >= FIRST_KEPT) {
                bmp[c] = bmp[folded];
            }
        }

        // Plane 1 holds emoji (removed by category at run time) and the mathematical/enclosed alphanumerics
        // people use to dodge filters (𝐚𝐠𝐞𝐧𝐜𝐲, 🄰): tabulate only the letters and digits that fold to something else.
        Map<Integer, String> supplementary = new HashMap<>();
        for (int cp = 0x10000; cp < 0x20000; cp++) {
            if (!Character.isDefined(cp) || baseClass(cp) != KEEP) {
                continue;
            }
            char removed = fold(cp, toSimplified, kept);
            String folded = kept.toString();
            if (!folded.equals(new String(Character.toChars(cp)))) {
                supplementary.put(cp, folded.isEmpty() ? String.valueOf(removed) : folded);
            }
        }
        return new CharacterFolding(bmp, expansions, supplementary);
    }

    /** Fills {@code kept} with the folded characters of {@code cp}; returns the class of what was removed. */
    private static char fold(int cp, Transliterator toSimplified, StringBuilder kept) {
        kept.setLength(0);
        char removed = KEEP;
        String compatible = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        for (int i = 0; i < compatible.length(); ) {
            int part = compatible.codePointAt(i);
            i += Character.charCount(part);
            char cls = baseClass(part);
            if (cls != KEEP) {
                removed = (char) Math.max(removed, cls);
                continue;
            }
            int lower = Character.toLowerCase(part);
            kept.appendCodePoint(toSimplified(lower, toSimplified));
        }
        return removed == KEEP ? INNER : removed;
    }

    private static int toSimplified(int cp, Transliterator toSimplified) {
        if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
            return cp;
        }
        String simplified = toSimplified.transliterate(new String(Character.toChars(cp)));
        // Only one-for-one BMP mappings: a supplementary result would break the one-char-per-position table.
        if (simplified.length() == 1) {
            return simplified.charAt(0);
        }
        return cp;
    }

    /** KEEP, or the separator class of a character that normalization removes. */
    static char baseClass(int cp) {
        if (cp < 0x10000 && CLAUSE_PUNCTUATION.indexOf(cp) >= 0) {
            return HARD;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return SOFT;
        }
        switch (Character.getType(cp)) {
            case Character.OTHER_SYMBOL:
                return SOFT; // emoji, ㊙, ©: people put them between words as decoration or to dodge filters
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.FORMAT: // zero-width space/joiner, word joiner, BOM, soft hyphen
            case Character.NON_SPACING_MARK: // variation selectors, combining marks
            case Character.ENCLOSING_MARK: // keycap
            case Character.CONTROL:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
                return INNER;
            default:
                return KEEP;
        }
    }

    /** The folded character, or a code below {@link #FIRST_KEPT}. */
    char bmp(char c) {
        return bmp[c];
    }

    String bmpExpansion(char c) {
        return bmpExpansions.get(c);
    }

    /** The whole table, for writing it to a file and for comparing two tables. */
    char[] bmpTable() {
        return bmp.clone();
    }

    Map<Character, String> bmpExpansions() {
        return bmpExpansions;
    }

    Map<Integer, String> supplementaryFolds() {
        return supplementaryFolds;
    }

    /**
     * Folding of a supplementary code point: null to keep it as is, a one-char string holding a removal
     * code ({@link #INNER}, {@link #SOFT}, {@link #HARD}) if it is removed, otherwise the folded text.
     */
    String supplementary(int cp) {
        char cls = baseClass(cp);
        if (cls != KEEP) {
            return REMOVED[cls];
        }
        return supplementaryFolds.get(cp);
    }

    private static final String[] REMOVED = {null, String.valueOf(INNER), String.valueOf(SOFT), String.valueOf(HARD)};
}

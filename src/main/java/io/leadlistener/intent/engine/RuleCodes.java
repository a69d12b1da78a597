package io.leadlistener.intent.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Reads the lower-case codes that rule fields are written with ({@code tag}, {@code sentence}). */
final class RuleCodes {

    private RuleCodes() {
    }

    /** The value whose code is {@code given} (case-insensitive), or a 400-worthy error naming {@code field}. */
    static <E extends Enum<E>> E parse(E[] values, Function<E, String> code, String field, String given) {
        String wanted = given.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(value -> code.apply(value).equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidRuleException(field, "'" + given + "' is unknown; expected "
                        + String.join(", ", Arrays.stream(values).map(code).toList())));
    }
}

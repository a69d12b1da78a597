package io.leadlistener.lead.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadlistener.lead.routing.RoutingDefinition.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checking routing rules as an admin submits them: every problem at once, each with its field. */
class RoutingDefinitionTest {

    private static final Set<String> KNOWN = Set.of("quote", "sample", "agency");
    private static final Map<String, String> POOLS = Map.of("agency", "channel-partners", "sample", "sample-desk");
    private static final List<String> PRECEDENCE = List.of("agency", "sample", "quote");

    @Test
    void aCompleteDefinitionOfKnownIntentsHasNoErrors() {
        assertThat(RoutingDefinition.validate(POOLS, PRECEDENCE, "sales", KNOWN)).isEmpty();
    }

    @Test
    void noPoolsAndNoPrecedenceIsValidAndRoutesEverythingToTheDefaultPool() {
        assertThat(RoutingDefinition.validate(Map.of(), List.of(), "sales", KNOWN)).isEmpty();
    }

    @ParameterizedTest(name = "pool name ''{0}'' is accepted")
    @ValueSource(strings = {"sales", "0", "key.accounts_2-east", "a23456789012345678901234567890123456789012345678901234567890abcd"})
    void plainSlugPoolNamesOfAtMost64CharactersAreAccepted(String pool) {
        assertThat(RoutingDefinition.validate(Map.of("quote", pool), PRECEDENCE, pool, KNOWN)).isEmpty();
    }

    static Stream<Arguments> oneWrongField() {
        return Stream.of(
                Arguments.of("pools missing", null, PRECEDENCE, "sales",
                        "pools", "is required (an object of intent → pool; {} routes everything to defaultPool)"),
                Arguments.of("intent not a name", Map.of("Quote", "sales"), PRECEDENCE, "sales",
                        "pools.Quote", "'Quote' is not an intent name (lower-case letters, digits, '_' or '-', "
                                + "starting with a letter)"),
                Arguments.of("intent unknown", Map.of("oem", "sales"), PRECEDENCE, "sales",
                        "pools.oem", "unknown intent 'oem' (known: agency, quote, sample)"),
                Arguments.of("pool with a space", Map.of("quote", "key accounts"), PRECEDENCE, "sales",
                        "pools.quote", "'key accounts' is not a pool name (lower-case letters, digits, '.', '_' or "
                                + "'-', at most 64)"),
                Arguments.of("pool upper-case", Map.of("quote", "Sales"), PRECEDENCE, "sales",
                        "pools.quote", "'Sales' is not a pool name (lower-case letters, digits, '.', '_' or '-', "
                                + "at most 64)"),
                Arguments.of("pool of 65 characters", Map.of("quote", "a".repeat(65)), PRECEDENCE, "sales",
                        "pools.quote", "'" + "a".repeat(65) + "' is not a pool name (lower-case letters, digits, "
                                + "'.', '_' or '-', at most 64)"),
                Arguments.of("pool null", mapOf("quote", null), PRECEDENCE, "sales",
                        "pools.quote", "'null' is not a pool name (lower-case letters, digits, '.', '_' or '-', "
                                + "at most 64)"),
                Arguments.of("precedence missing", POOLS, null, "sales",
                        "precedence", "is required (a list of intents, the first present decides)"),
                Arguments.of("precedence repeats", POOLS, List.of("quote", "sample", "quote"), "sales",
                        "precedence[2]", "'quote' is listed twice"),
                Arguments.of("precedence unknown", POOLS, List.of("quote", "oem"), "sales",
                        "precedence[1]", "unknown intent 'oem' (known: agency, quote, sample)"),
                Arguments.of("precedence null item", POOLS, Arrays.asList("quote", null), "sales",
                        "precedence[1]", "'null' is not an intent name (lower-case letters, digits, '_' or '-', "
                                + "starting with a letter)"),
                Arguments.of("default pool missing", POOLS, PRECEDENCE, null, "defaultPool", "is required"),
                Arguments.of("default pool starts with '-'", POOLS, PRECEDENCE, "-sales",
                        "defaultPool", "'-sales' is not a pool name (lower-case letters, digits, '.', '_' or '-', "
                                + "at most 64)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneWrongField")
    void aWrongFieldIsReportedUnderItsNameAndExplained(String what, Map<String, String> pools, List<String> precedence,
                                                        String defaultPool, String field, String detail) {
        assertThat(RoutingDefinition.validate(pools, precedence, defaultPool, KNOWN))
                .containsExactly(new FieldError(field, detail));
    }

    @Test
    void everyWrongFieldIsReportedAtOnceInFieldOrder() {
        List<FieldError> errors = RoutingDefinition.validate(Map.of("oem", "Sales"), List.of("sample", "x!"), null,
                KNOWN);

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("pools.oem", "pools.oem", "precedence[1]", "defaultPool");
        assertThat(errors.get(0).detail()).startsWith("unknown intent 'oem'");
        assertThat(errors.get(1).detail()).startsWith("'Sales' is not a pool name");
    }

    @Test
    void aMissingPoolsAndPrecedenceAreBothReported() {
        assertThat(RoutingDefinition.validate(null, null, "sales", KNOWN)).extracting(FieldError::field)
                .containsExactly("pools", "precedence");
    }

    @Test
    void withNoKnownIntentsEveryRoutedIntentIsUnknown() {
        assertThat(RoutingDefinition.validate(Map.of("quote", "sales"), List.of(), "sales", Set.of()))
                .containsExactly(new FieldError("pools.quote", "unknown intent 'quote' (known: )"));
    }

    @Test
    void theDefinitionKeepsPoolsInSubmittedOrderAndCopiesWhatWasSubmitted() {
        Map<String, String> pools = new LinkedHashMap<>();
        pools.put("sample", "sample-desk");
        pools.put("agency", "channel-partners");
        pools.put("quote", "sales");
        List<String> precedence = new ArrayList<>(PRECEDENCE);

        RoutingDefinition definition = new RoutingDefinition(pools, precedence, "sales");
        pools.put("oem", "factory");
        precedence.clear();

        assertThat(definition.pools().keySet()).containsExactly("sample", "agency", "quote");
        assertThat(definition.precedence()).containsExactly("agency", "sample", "quote");
        assertThat(definition.defaultPool()).isEqualTo("sales");
    }

    @Test
    void theDefinitionsPrecedenceCannotBeChanged() {
        RoutingDefinition definition = new RoutingDefinition(POOLS, PRECEDENCE, "sales");

        assertThatThrownBy(() -> definition.precedence().add("oem")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aValidDefinitionRoutesByPrecedenceAndFallsBackToTheDefaultPool() {
        RoutingDefinition definition = new RoutingDefinition(POOLS, PRECEDENCE, "sales");
        LeadRouter router = new LeadRouter(definition.pools(), definition.precedence(), definition.defaultPool());

        assertThat(router.route(List.of("quote", "sample"))).contains(new LeadRouter.Route("sample", "sample-desk"));
        assertThat(router.route(List.of("quote"))).contains(new LeadRouter.Route("quote", "sales"));
    }

    private static Map<String, String> mapOf(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    @Test
    void poolRecipientsNameWeComUsersAndDepartmentsWithinWeComsLimits() {
        Map<String, PoolRecipients> good = Map.of("sales", new PoolRecipients(List.of("zhangsan", "li.si@x"),
                List.of(2L)), "sample-desk", new PoolRecipients(null, List.of(7L)));
        assertThat(RoutingDefinition.validate(POOLS, PRECEDENCE, "sales", good, KNOWN)).isEmpty();

        Map<String, PoolRecipients> bad = new java.util.TreeMap<>(Map.of(
                "sales", new PoolRecipients(java.util.Arrays.asList("zhang san", null, "ok", "ok"),
                        java.util.Arrays.asList(0L, null)),
                "Desk", new PoolRecipients(List.of("x"), List.of()),
                "empty", new PoolRecipients(List.of(), List.of()),
                "crowd", new PoolRecipients(java.util.stream.IntStream.rangeClosed(0, 1000).mapToObj(i -> "u" + i)
                        .toList(), List.of())));
        assertThat(RoutingDefinition.validate(POOLS, PRECEDENCE, "sales", bad, KNOWN))
                .extracting(FieldError::field).containsExactly("recipients.Desk", "recipients.crowd.users",
                        "recipients.empty", "recipients.sales.users[0]",
                        "recipients.sales.users[1]", "recipients.sales.users[3]", "recipients.sales.departments[0]",
                        "recipients.sales.departments[1]");
    }
}

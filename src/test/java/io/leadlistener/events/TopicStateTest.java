package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the relay reads the broker's answers about the topic. A refused creation (no Create ACL) is a state to wait in
 * and report, not an outage; the test broker has no authorizer, so the refusals are classified here (the waiting
 * itself is tested end to end with creation switched off, {@code TopicCreatedByThePlatformTest}).
 */
class TopicStateTest {

    static Stream<Arguments> createFailures() {
        return Stream.of(
                Arguments.of(new TopicAuthorizationException("Authorization failed."), TopicState.MISSING_NOT_ALLOWED),
                Arguments.of(new ClusterAuthorizationException("Cluster authorization failed."),
                        TopicState.MISSING_NOT_ALLOWED),
                Arguments.of(new PolicyViolationException("replication factor must be 3"),
                        TopicState.MISSING_NOT_ALLOWED),
                Arguments.of(new TopicExistsException("Topic 'crm.lead-events' already exists."), TopicState.EXISTS),
                Arguments.of(new InvalidReplicationFactorException("only 1 broker(s) are registered"),
                        TopicState.CREATION_FAILED),
                Arguments.of(new org.apache.kafka.common.errors.TimeoutException("timed out"), TopicState.UNKNOWN),
                Arguments.of(new NotControllerException("moved"), TopicState.UNKNOWN),
                Arguments.of(new TimeoutException(), TopicState.UNKNOWN),
                Arguments.of(new IllegalStateException("anything else"), TopicState.CREATION_FAILED));
    }

    @ParameterizedTest
    @MethodSource("createFailures")
    void aRefusedCreationIsWaitedOutAndNamedAsSuch(Throwable failure, TopicState expected) {
        assertThat(TopicState.afterCreateFailure(failure)).isEqualTo(expected);
        assertThat(TopicState.afterCreateFailure(failure).ready()).isEqualTo(expected == TopicState.EXISTS);
    }

    @Test
    void describingTellsMissingFromNotAllowedFromNoAnswer() {
        assertThat(TopicState.afterDescribeFailure(new UnknownTopicOrPartitionException("missing")))
                .as("missing: go on to create it if allowed").isNull();
        assertThat(TopicState.afterDescribeFailure(new TopicAuthorizationException("no Describe")))
                .isEqualTo(TopicState.NOT_ALLOWED_TO_DESCRIBE);
        assertThat(TopicState.afterDescribeFailure(new ClusterAuthorizationException("no Describe")))
                .isEqualTo(TopicState.NOT_ALLOWED_TO_DESCRIBE);
        assertThat(TopicState.afterDescribeFailure(new org.apache.kafka.common.errors.TimeoutException("slow")))
                .isEqualTo(TopicState.UNKNOWN);
    }

    @Test
    void wellnessSaysWhatIsMissingAndThatItWaits() {
        assertThat(TopicState.MISSING_NOT_ALLOWED.description()).isEqualTo("missing, not allowed to create; waiting");
        assertThat(TopicState.MISSING_CREATION_OFF.description())
                .isEqualTo("missing, creating is switched off; waiting");
        assertThat(Stream.of(TopicState.values()).filter(TopicState::ready))
                .containsExactlyInAnyOrder(TopicState.EXISTS, TopicState.CREATED);
    }

    @Test
    void aMinimumInSyncAboveTheReplicationFactorIsRefusedNamingBothKeys() {
        assertThatThrownBy(() -> new LeadEventTopic.Settings("crm.lead-events", 6, (short) 1, 2, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leadlistener.events.min-insync-replicas (2)")
                .hasMessageContaining("leadlistener.events.replication-factor (1)");
        assertThat(new LeadEventTopic.Settings("crm.lead-events", 6, (short) 3, 2, false).minInsyncReplicas())
                .isEqualTo(2);
    }
}

package io.leadlistener.events;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What the relay knows about the lead events topic, as {@code /q/health/well} reports it ({@code topicState}). Only
 * {@link #EXISTS} and {@link #CREATED} let events out; in every other state they wait in the outbox and the relay
 * checks again.
 *
 * <p>The relay describes the topic first and creates it only when it is missing and creating is allowed, so a platform
 * team can create the topic itself and grant the service no Create right (docs/deployment.md, "The lead events
 * topic"). An authorization error is an answer, not an outage: it is reported as such, and the relay keeps waiting.
 */
enum TopicState {

    NOT_CHECKED("not checked yet", false),
    EXISTS("exists", true),
    CREATED("created", true),
    /** Missing, and {@code leadlistener.events.create-topic=false}. */
    MISSING_CREATION_OFF("missing, creating is switched off; waiting", false),
    /** Missing, and the broker refused to create it: no Create ACL, or a topic creation policy. */
    MISSING_NOT_ALLOWED("missing, not allowed to create; waiting", false),
    /** The broker did not tell whether it exists: no Describe ACL on the topic. */
    NOT_ALLOWED_TO_DESCRIBE("not allowed to describe; waiting", false),
    /** Missing, and creating it failed for another reason (say a replication factor above the number of brokers). */
    CREATION_FAILED("missing, creating failed; waiting", false),
    /** No answer from Kafka (unreachable, timed out). */
    UNKNOWN("cannot check, no answer from Kafka; waiting", false);

    private final String description;
    private final boolean ready;

    TopicState(String description, boolean ready) {
        this.description = description;
        this.ready = ready;
    }

    /** What wellness shows, e.g. {@code missing, not allowed to create; waiting}. */
    String description() {
        return description;
    }

    /** Whether events may be sent. */
    boolean ready() {
        return ready;
    }

    /**
     * The state after describing the topic failed with {@code failure} (the cause of the admin client's
     * {@code ExecutionException}), or null when the failure means the topic is missing.
     */
    static TopicState afterDescribeFailure(Throwable failure) {
        if (failure instanceof UnknownTopicOrPartitionException) {
            return null;
        }
        if (failure instanceof AuthorizationException) {
            return NOT_ALLOWED_TO_DESCRIBE;
        }
        return UNKNOWN;
    }

    /** The state after creating the missing topic failed with {@code failure}. */
    static TopicState afterCreateFailure(Throwable failure) {
        if (failure instanceof TopicExistsException) {
            // Another replica, or the platform team, was quicker.
            return EXISTS;
        }
        if (failure instanceof AuthorizationException || failure instanceof PolicyViolationException) {
            // TopicAuthorizationException, ClusterAuthorizationException: no Create ACL on the topic or cluster.
            return MISSING_NOT_ALLOWED;
        }
        if (failure instanceof RetriableException || failure instanceof TimeoutException) {
            return UNKNOWN;
        }
        return CREATION_FAILED;
    }
}

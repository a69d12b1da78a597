package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final String LEAD = "da6b5e89-5ece-5203-883d-e76fda0fcb36";
    private static final String REMOVAL_KEY = LeadEventSamples.REMOVAL_DEDUPE_KEY;

    /** Pinned: computed once with Python's uuid/hashlib from the documented derivation, not with this code. */
    @Test
    void eventIdsNeverChange() {
        assertThat(EventIds.leadCreated("demo", LEAD)).isEqualTo("dac4195e-e541-5a4a-a17e-4f4e1f37fe82");
        assertThat(EventIds.intentTagged("demo", "7300000000000000001", 12))
                .isEqualTo("8e9fb506-64e6-558f-a2c0-c1ca82466519");
        assertThat(EventIds.intentTagged("demo", "7300000000000000001", 13))
                .isEqualTo("94e5bf8f-8956-56a1-bde0-6f0fb353e8e3");
        assertThat(EventIds.contactRemoved("demo", LEAD, REMOVAL_KEY))
                .isEqualTo("28f67bdd-339d-5cb1-b0bf-486c448ef902");
    }

    @Test
    void replayedInputsGiveTheSameVersion5Id() {
        String first = EventIds.intentTagged("demo", "7300000000000000001", 12);
        assertThat(EventIds.intentTagged("demo", "7300000000000000001", 12)).isEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(5);
    }

    @Test
    void reTaggingUnderANewRuleSetVersionIsANewEvent() {
        assertThat(EventIds.intentTagged("demo", "m1", 12)).isNotEqualTo(EventIds.intentTagged("demo", "m1", 13));
    }

    @Test
    void differsWhenAnyInputDiffers() {
        Set<String> ids = Set.of(
                EventIds.leadCreated("demo", LEAD),
                EventIds.leadCreated("demo2", LEAD),
                EventIds.leadCreated("demo", "e0b43204-1520-57c6-bf45-70bb16368c0b"),
                EventIds.intentTagged("demo", "m1", 12),
                EventIds.intentTagged("demo2", "m1", 12),
                EventIds.intentTagged("demo", "m2", 12),
                EventIds.intentTagged("demo", "m1", 0),
                EventIds.contactRemoved("demo", LEAD, "k1"),
                EventIds.contactRemoved("demo2", LEAD, "k1"),
                EventIds.contactRemoved("demo", "e0b43204-1520-57c6-bf45-70bb16368c0b", "k1"),
                EventIds.contactRemoved("demo", LEAD, "k2"));
        assertThat(ids).hasSize(11);
    }

    @Test
    void partsCannotBleedIntoEachOther() {
        // "7" + "12" and "71" + "2" concatenate alike.
        assertThat(EventIds.intentTagged("demo", "7", 12)).isNotEqualTo(EventIds.intentTagged("demo", "71", 2));
        assertThat(EventIds.leadCreated("de", "mo" + LEAD)).isNotEqualTo(EventIds.leadCreated("demo", LEAD));
    }

    @Test
    void typesNeverShareAnId() {
        // Same trailing parts, different type: the type is the first part of every name.
        assertThat(EventIds.contactRemoved("demo", LEAD, "12"))
                .isNotEqualTo(NameBasedIds.uuid(LeadEventType.LEAD_INTENT_TAGGED.type(), "demo", LEAD, "12"));
        assertThat(EventIds.leadCreated("demo", LEAD)).isNotEqualTo(LeadIds.leadId("demo", LeadIds.EXTERNAL, LEAD));
    }

    @Test
    void refusesMissingInputs() {
        assertThatThrownBy(() -> EventIds.leadCreated("", LEAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventIds.leadCreated("demo", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventIds.intentTagged("demo", "", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventIds.intentTagged("demo", "m1", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventIds.contactRemoved("demo", LEAD, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

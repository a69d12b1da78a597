package io.leadlistener.lead.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadCursorTest {

    @Test
    void aCursorNamesWhereThePageEnded() {
        assertThat(LeadCursor.decode(LeadCursor.encode(123_456_789L))).contains(123_456_789L);
        assertThat(LeadCursor.encode(7)).doesNotContain("=", "+", "/");
    }

    @Test
    void anythingElseIsNotACursor() {
        assertThat(LeadCursor.decode("bGVhZC1zZXE6LTU")).as("lead-seq:-5").isEmpty();
        assertThat(LeadCursor.decode("b3RoZXI6NQ")).as("other:5").isEmpty();
        assertThat(LeadCursor.decode("%%%")).isEmpty();
        assertThat(LeadCursor.decode("bGVhZC1zZXE6eA")).as("lead-seq:x").isEmpty();
    }
}

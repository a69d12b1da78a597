package io.leadlistener.lead;

import io.leadlistener.events.LeadEventData;
import io.leadlistener.inbox.ChatContact;

/** A contact and its owner as lead events carry them. */
final class EventContacts {

    private EventContacts() {
    }

    static LeadEventData.Contact contact(ChatContact contact) {
        return new LeadEventData.Contact(contact.id(), contact.kind(), contact.state());
    }

    /** @return null when the owner is not known */
    static LeadEventData.Owner owner(ChatContact contact) {
        return contact.ownerUserId() == null ? null : new LeadEventData.Owner(contact.ownerUserId());
    }
}

package io.leadlistener.privacy;

import io.leadlistener.errors.InvalidInputException;

/**
 * The contact an erasure is about, named as inbox rows and lead events name it: {@code external:<external_userid>}
 * (a WeCom customer, whichever source brought it), {@code user:<userid>} (an employee writing to the app; also
 * accepted as {@code internal:<userid>}) or {@code api:<channel>:<contactId>} (the ingestion API).
 *
 * @param contactKey    the inbox's {@code contact_key}
 * @param leadKind      the lead's {@code contact_kind}
 * @param leadContactId the lead's {@code contact_id}, also how alerts name the customer ({@code 李雷（<id>）})
 */
public record ErasedContact(String contactKey, String leadKind, String leadContactId) {

    /** @throws InvalidInputException when the id has no known kind or no id after it */
    public static ErasedContact parse(String contactId) {
        String value = contactId == null ? "" : contactId.strip();
        int colon = value.indexOf(':');
        String kind = colon < 0 ? "" : value.substring(0, colon);
        String id = colon < 0 ? "" : value.substring(colon + 1);
        if (!id.isEmpty()) {
            switch (kind) {
                case "external":
                    return new ErasedContact("external:" + id, "external", id);
                case "user", "internal":
                    return new ErasedContact("user:" + id, "internal", id);
                case "api":
                    if (id.indexOf(':') > 0 && !id.endsWith(":")) {
                        return new ErasedContact("api:" + id, "api", id);
                    }
                    break;
                default:
                    break;
            }
        }
        throw new InvalidInputException("invalid-contact-id", "contactId must be external:<external_userid>, "
                + "user:<userid> or api:<channel>:<contactId> (URL-encoded), as lead events and inbox rows name it");
    }

    /** Whether an alert's {@code customer} line names this contact: the id alone, or {@code <name>（<id>）}. */
    public boolean namedBy(String customer) {
        return customer.equals(leadContactId) || customer.endsWith("（" + leadContactId + "）");
    }
}

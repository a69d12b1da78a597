package io.leadlistener.wecom.xml;

/**
 * An envelope or decrypted message that is not the XML WeCom sends. The message says what is wrong
 * (well-formedness, a DOCTYPE, the root element, a missing or empty element) and never quotes text content.
 *
 * <p>Unchecked: the HTTP layer answers 400 for it in one exception mapper.
 */
public final class MalformedCallbackXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedCallbackXmlException(String message) {
        super(message);
    }
}

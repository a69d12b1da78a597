package io.leadlistener.wecom.xml;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeCom's flat XML ({@code <xml><Name>text</Name>...</xml>}) into an ordered map of top-level
 * element name to text, with the JDK's StAX parser locked down against hostile input.
 *
 * <p>The envelope is parsed before anything is authenticated (see {@code shared/design/wecom-protocol.md},
 * "Messages and events"), so: DTD support is off, which also disables entity declarations and with them
 * XXE and "billion laughs"; any DOCTYPE is rejected outright rather than skipped; external DTD access is
 * forbidden as a second line of defence. The JDK's built-in factory is used explicitly so that a StAX
 * implementation elsewhere on the classpath cannot change these guarantees.
 *
 * <p>Rules: the root must be {@code <xml>}; each top-level element may appear once (a duplicate would let
 * this parser and another one disagree about, say, which {@code <Encrypt>} counts); the value of an element
 * is its text with CDATA unwrapped, exactly as written. For the few events with nested elements (for
 * example {@code ScanCodeInfo}, {@code SendPicsInfo}, {@code BatchJob}, {@code ApprovalInfo}) the value is
 * the concatenated text of its leaf descendants in document order, without the indentation between them:
 * enough for deduplication and audit, not for structure (nested names are not kept). Prefixed names keep
 * their prefix ({@code a:Encrypt} is not {@code Encrypt}).
 */
final class FlatXmlReader {

    /**
     * One configured factory per thread: creating one per parse cost a tenth of the inbox worker's CPU, and the JDK
     * does not promise that a shared factory is thread-safe.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(FlatXmlReader::newFactory);


    private static final String ROOT = "xml";

    /** {@code com.sun.org.apache.xerces.internal.impl.Constants.REUSE_INSTANCE}, understood by the JDK's factory. */
    private static final String REUSE_INSTANCE = "reuse-instance";

    private FlatXmlReader() {
    }

    /**
     * How much structure a document may have, checked as it is read, so that a hostile one is refused after its first
     * offending element instead of after the whole of it.
     *
     * @param maxDepth     elements below {@code <xml>} that may be open at once: 1 for WeCom's flat envelope, a few
     *                     more for events such as approvals that nest
     * @param maxTextChars characters of text in the whole document
     */
    record Limits(int maxDepth, int maxTextChars) {
        /** The callback envelope: {@code <xml>} with flat elements only. */
        static final Limits ENVELOPE = new Limits(1, 64 * 1024);
        /** A decrypted message or event: WeCom's own events nest a few levels (e.g. ApprovalInfo). */
        static final Limits MESSAGE = new Limits(16, 64 * 1024);
    }

    /** @param subject how messages name the input, e.g. "body" */
    static Map<String, String> read(InputStream xml, String subject, Limits limits) {
        return read(factory -> factory.createXMLStreamReader(xml), subject, limits);
    }

    static Map<String, String> read(Reader xml, String subject, Limits limits) {
        return read(factory -> factory.createXMLStreamReader(xml), subject, limits);
    }

    private interface ReaderOpener {
        XMLStreamReader open(XMLInputFactory factory) throws XMLStreamException;
    }

    private static Map<String, String> read(ReaderOpener opener, String subject, Limits limits) {
        XMLStreamReader reader = null;
        try {
            reader = opener.open(FACTORY.get());
            return readTopLevel(reader, subject, limits);
        } catch (XMLStreamException e) {
            throw new MalformedCallbackXmlException(subject + " is not well-formed XML: " + describe(e));
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // The JDK factory's own switch to reset and hand out its last reader again once that one is closed (every
        // read here closes it): a new reader allocated its scanner buffers and symbol table anew, more than half of
        // the time and most of the garbage of parsing a callback (issue 24). The factory is this thread's only, so a
        // reader is never shared; the settings above stay in force.
        factory.setProperty(REUSE_INSTANCE, true);
        return factory;
    }

    private static Map<String, String> readTopLevel(XMLStreamReader reader, String subject, Limits limits)
            throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        Deque<ElementText> open = new ArrayDeque<>(); // elements below the root, innermost first
        boolean inRoot = false;
        long textChars = 0;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD -> throw new MalformedCallbackXmlException("DOCTYPE is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = qualifiedName(reader);
                    if (!inRoot) {
                        if (!ROOT.equals(name)) {
                            throw new MalformedCallbackXmlException("root element must be <" + ROOT + ">");
                        }
                        inRoot = true;
                    } else {
                        if (open.isEmpty() && fields.containsKey(name)) {
                            throw new MalformedCallbackXmlException("duplicate <" + name + ">");
                        }
                        if (open.size() >= limits.maxDepth()) {
                            throw new MalformedCallbackXmlException(limits.maxDepth() == 1
                                    ? subject + " must be flat: <" + name + "> is nested inside <"
                                    + open.peek().name + ">"
                                    : subject + " nests elements deeper than " + limits.maxDepth() + " levels");
                        }
                        if (!open.isEmpty()) {
                            open.peek().hasChildren = true;
                        }
                        open.push(new ElementText(name));
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    textChars += reader.getTextLength();
                    if (textChars > limits.maxTextChars()) {
                        throw new MalformedCallbackXmlException(subject + " has more than " + limits.maxTextChars()
                                + " characters of text");
                    }
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    // Nothing is open when the root closes; reading on still catches trailing garbage.
                    if (!open.isEmpty()) {
                        ElementText closed = open.pop();
                        if (open.isEmpty()) {
                            fields.put(closed.name, closed.value());
                        } else {
                            open.peek().childText.append(closed.value());
                        }
                    }
                }
                default -> {
                    // Comments and processing instructions carry nothing WeCom sends.
                }
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    /** Text gathered for one open element: its own characters, and the values of its child elements. */
    private static final class ElementText {
        final String name;
        final StringBuilder text = new StringBuilder();
        final StringBuilder childText = new StringBuilder();
        boolean hasChildren;

        ElementText(String name) {
            this.name = name;
        }

        /** A leaf's text as written; for a container, only its children's (its own text is indentation). */
        String value() {
            return hasChildren ? childText.toString() : text.toString();
        }
    }

    private static String qualifiedName(XMLStreamReader reader) {
        String prefix = reader.getPrefix();
        return prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    }

    /** The parser's own explanation and position, without its "ParseError at" preamble. */
    private static String describe(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        String reason = (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
        Location location = e.getLocation();
        return location == null ? reason
                : reason + " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // Nothing is held open: the input is an in-memory array or string.
        }
    }
}

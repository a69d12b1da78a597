package io.leadlistener.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1) in the project's namespace, over an unambiguous encoding of their parts.
 *
 * <p>The name is the concatenation of one <a href="https://cr.yp.to/proto/netstrings.txt">netstring</a> per part:
 * {@code <UTF-8 byte length in decimal>:<UTF-8 bytes>,}. The length prefix makes the split unambiguous whatever
 * characters an id contains, so {@code ("a:b", "c")} and {@code ("a", "b:c")} never share a name. Parts are used
 * exactly as given (no trimming, no case folding). The first part is always a discriminator ({@code lead} or the
 * event type) so ids of different kinds never collide. Documented for consumers in {@code docs/events/README.md}.
 */
final class NameBasedIds {

    /**
     * The project namespace: itself the v5 UUID of the URL {@code https://schemas.wecom-lead-listener.io/events/}
     * in the RFC 9562 URL namespace, so anyone can re-derive it. Changing it changes every lead and event id.
     */
    static final UUID NAMESPACE = UUID.fromString("7723aaa6-d14c-54fa-8ab7-a8315e75f722");

    /** Thread-safe: JUG synchronizes on its digest. */
    private static final NameBasedGenerator GENERATOR = Generators.nameBasedGenerator(NAMESPACE);

    private NameBasedIds() {
    }

    static String uuid(String... parts) {
        return GENERATOR.generate(name(parts)).toString();
    }

    static byte[] name(String... parts) {
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = Objects.requireNonNull(part, "id part").getBytes(StandardCharsets.UTF_8);
            name.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            name.write(':');
            name.writeBytes(bytes);
            name.write(',');
        }
        return name.toByteArray();
    }

    static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or empty");
        }
        return value;
    }
}

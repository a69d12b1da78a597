package io.leadlistener.intent.engine;

import com.ibm.icu.util.VersionInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link CharacterFolding} table as a file the build writes next to the classes ({@code ./mvnw package} runs
 * {@link #main} after compiling), so that a start reads 150 KB instead of folding 131,072 code points: that took
 * 0.7 s of CPU on the image's C2-only JVM, on the way to readiness (issue 24).
 *
 * <p>A table is used only where it is the one this JVM would compute: its stamp names the Java specification
 * version and the ICU version whose Unicode data made it, and a digest of the {@code CharacterFolding} class that
 * computed it. A changed folding rule, another Java or ICU, a missing or damaged file: the table is computed at start
 * as before. {@code quarkus:dev} runs the build step too; a class it recompiles after a change to the folding code
 * no longer matches the file, so the table is computed until the next build.
 */
public final class FoldingTableFile {

    /** Beside this class in the jar. */
    static final String RESOURCE = "character-folding.bin";

    private static final int FORMAT = 1;

    private FoldingTableFile() {
    }

    /** The build step: writes the computed table to the file named by the one argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: FoldingTableFile <output file>");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(CharacterFolding.compute(), stamp(), out);
        }
    }

    /** The table the build shipped, if it is the one this JVM would compute. */
    static Optional<CharacterFolding> readShipped() {
        try (InputStream in = FoldingTableFile.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in, stamp());
        } catch (IOException | RuntimeException e) {
            // A damaged file costs the computation, never the start.
            return Optional.empty();
        }
    }

    /** What a table must have been made by: Java's Unicode data, ICU's, and this build's folding code. */
    static String stamp() {
        return "java " + System.getProperty("java.specification.version") + ", ICU " + VersionInfo.ICU_VERSION
                + ", " + classDigest();
    }

    static void write(CharacterFolding folding, String stamp, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeUTF(stamp);
        ByteBuffer table = ByteBuffer.allocate(65536 * Character.BYTES);
        table.asCharBuffer().put(folding.bmpTable());
        data.write(table.array());
        data.writeInt(folding.bmpExpansions().size());
        for (Map.Entry<Character, String> expansion : folding.bmpExpansions().entrySet()) {
            data.writeChar(expansion.getKey());
            data.writeUTF(expansion.getValue());
        }
        data.writeInt(folding.supplementaryFolds().size());
        for (Map.Entry<Integer, String> fold : folding.supplementaryFolds().entrySet()) {
            data.writeInt(fold.getKey());
            data.writeUTF(fold.getValue());
        }
        data.flush();
    }

    /** The table in {@code in}, or empty if it was made for another stamp or by another format. */
    static Optional<CharacterFolding> read(InputStream in, String expectedStamp) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != FORMAT || !data.readUTF().equals(expectedStamp)) {
            return Optional.empty();
        }
        byte[] table = new byte[65536 * Character.BYTES];
        data.readFully(table);
        char[] bmp = new char[65536];
        ByteBuffer.wrap(table).asCharBuffer().get(bmp);
        int expansionCount = data.readInt();
        Map<Character, String> expansions = new HashMap<>();
        for (int i = 0; i < expansionCount; i++) {
            expansions.put(data.readChar(), data.readUTF());
        }
        int foldCount = data.readInt();
        Map<Integer, String> supplementary = new HashMap<>();
        for (int i = 0; i < foldCount; i++) {
            supplementary.put(data.readInt(), data.readUTF());
        }
        if (data.read() != -1) {
            throw new IOException("trailing bytes after the folding table");
        }
        return Optional.of(new CharacterFolding(bmp, expansions, supplementary));
    }

    /** The SHA-256 of CharacterFolding's class file: any change to the folding rules changes it. */
    private static String classDigest() {
        try (InputStream in = CharacterFolding.class.getResourceAsStream("CharacterFolding.class")) {
            if (in == null) {
                throw new IllegalStateException("CharacterFolding.class is not readable as a resource");
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

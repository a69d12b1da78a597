package io.leadlistener.intent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FoldingTableFileTest {

    private static CharacterFolding computed;

    @BeforeAll
    static void computeOnce() {
        computed = CharacterFolding.compute();
    }

    @Test
    void theBuildShipsTheTableThisJvmComputes() {
        Optional<CharacterFolding> shipped = FoldingTableFile.readShipped();

        assertThat(shipped).as("table written by the build (exec-maven-plugin, process-classes)").isPresent();
        assertSameTable(shipped.get(), computed);
    }

    @Test
    void theSharedTableIsTheComputedOne() {
        assertSameTable(CharacterFolding.shared(), computed);
        assertThat(CharacterFolding.shared().bmp('報')).isEqualTo('报');
        assertThat(CharacterFolding.shared().bmpExpansion('㍿')).isEqualTo("株式会社");
    }

    @Test
    void aTableReadsBackAsWritten() throws IOException {
        byte[] file = write(computed, "stamp");

        Optional<CharacterFolding> read = FoldingTableFile.read(new ByteArrayInputStream(file), "stamp");

        assertThat(read).isPresent();
        assertSameTable(read.get(), computed);
    }

    @Test
    void aTableMadeByOtherCodeOrAnotherJavaIsNotUsed() throws IOException {
        byte[] file = write(computed, "java 11, ICU 70.1, 00ff");

        assertThat(FoldingTableFile.read(new ByteArrayInputStream(file), FoldingTableFile.stamp())).isEmpty();
    }

    @Test
    void theStampNamesJavaIcuAndTheFoldingCode() {
        assertThat(FoldingTableFile.stamp())
                .startsWith("java " + System.getProperty("java.specification.version") + ", ICU ")
                .matches(".*, [0-9a-f]{64}");
    }

    @Test
    void aDamagedTableIsRefused() throws IOException {
        byte[] file = write(computed, "stamp");
        byte[] truncated = Arrays.copyOf(file, file.length - 10);
        byte[] extended = Arrays.copyOf(file, file.length + 1);

        assertThatThrownBy(() -> FoldingTableFile.read(new ByteArrayInputStream(truncated), "stamp"))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> FoldingTableFile.read(new ByteArrayInputStream(extended), "stamp"))
                .hasMessageContaining("trailing bytes");
    }

    private static byte[] write(CharacterFolding folding, String stamp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FoldingTableFile.write(folding, stamp, out);
        return out.toByteArray();
    }

    private static void assertSameTable(CharacterFolding actual, CharacterFolding expected) {
        assertThat(actual.bmpTable()).as("BMP table").isEqualTo(expected.bmpTable());
        assertThat(actual.bmpExpansions()).as("BMP expansions").isEqualTo(expected.bmpExpansions())
                .isNotEmpty();
        assertThat(actual.supplementaryFolds()).as("supplementary folds")
                .isEqualTo(expected.supplementaryFolds()).isNotEmpty();
        assertThat(Map.copyOf(actual.supplementaryFolds())).containsKey(0x1D41A); // 𝐚
    }
}

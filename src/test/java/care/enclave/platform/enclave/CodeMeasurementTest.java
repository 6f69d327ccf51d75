package care.enclave.platform.enclave;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The simulated MRENCLAVE: a fixed format, sensitive to every byte and path, blind to map order. */
class CodeMeasurementTest {

    private static final byte[] CLASS = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe};
    private static final byte[] JAR = "PK".getBytes(StandardCharsets.US_ASCII);

    private static SortedMap<String, byte[]> app() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("/WEB-INF/classes/care/A.class", CLASS.clone());
        files.put("/WEB-INF/lib/x.jar", JAR.clone());
        return files;
    }

    private static boolean same(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
        return java.util.Arrays.equals(CodeMeasurement.measure(a), CodeMeasurement.measure(b));
    }

    @Test
    void matchesTheDocumentedFormat() {
        // Computed independently: sha256 over path, 0x00, u64 big-endian length, content, in path order.
        assertEquals("e88ec84af894071e2723463938b3378290d69a89dd6c855c314ed4fd2339c7ac",
                HexFormat.of().formatHex(CodeMeasurement.measure(app())));
    }

    @Test
    void changesWhenAnyByteOfAnyFileChanges() {
        for (String path : app().keySet()) {
            for (int i = 0; i < app().get(path).length; i++) {
                SortedMap<String, byte[]> changed = app();
                changed.get(path)[i] ^= 0x01;
                assertFalse(same(app(), changed), path + " byte " + i);
            }
        }
    }

    @Test
    void changesWhenAPathChangesOrAFileIsAddedOrRemoved() {
        SortedMap<String, byte[]> renamed = app();
        renamed.put("/WEB-INF/classes/care/B.class", renamed.remove("/WEB-INF/classes/care/A.class"));
        SortedMap<String, byte[]> added = app();
        added.put("/WEB-INF/classes/care/Empty.class", new byte[0]);
        SortedMap<String, byte[]> removed = app();
        removed.remove("/WEB-INF/lib/x.jar");

        assertFalse(same(app(), renamed));
        assertFalse(same(app(), added));
        assertFalse(same(app(), removed));
    }

    @Test
    void bytesCannotMoveBetweenPathAndContent() {
        SortedMap<String, byte[]> one = new TreeMap<>(Map.of("ab", "c".getBytes(StandardCharsets.US_ASCII)));
        SortedMap<String, byte[]> other = new TreeMap<>(Map.of("a", "bc".getBytes(StandardCharsets.US_ASCII)));

        assertFalse(same(one, other));
    }

    @Test
    void insertionOrderAndTheMapsComparatorDoNotMatter() {
        SortedMap<String, byte[]> reversedInsertion = new TreeMap<>();
        reversedInsertion.put("/WEB-INF/lib/x.jar", JAR.clone());
        reversedInsertion.put("/WEB-INF/classes/care/A.class", CLASS.clone());
        SortedMap<String, byte[]> reverseComparator = new TreeMap<>(Comparator.reverseOrder());
        reverseComparator.putAll(app());

        assertArrayEquals(CodeMeasurement.measure(app()), CodeMeasurement.measure(reversedInsertion));
        assertArrayEquals(CodeMeasurement.measure(app()), CodeMeasurement.measure(reverseComparator));
    }

    @Test
    void aPathContainingNulIsRefused() {
        SortedMap<String, byte[]> files = new TreeMap<>(Map.of("a\0b", CLASS));

        assertThrows(IllegalArgumentException.class, () -> CodeMeasurement.measure(files));
    }
}

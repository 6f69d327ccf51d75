package care.enclave.diagnostics.control;

import care.enclave.diagnostics.control.ImageRejected.Kind;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads crafted to make the decoder allocate far more than their size warrants are refused before it does. */
class ImageBombTest {

    /** Well above what checking a header and a few small test images costs, far below any pixel buffer. */
    private static final long ALLOCATION_BUDGET = 2L * 1024 * 1024;

    @Test
    void seventyFourBytePngDeclaring4096By4096Rgba16IsRefusedWithoutAllocating() {
        byte[] png = ImageBombs.png(4096, 4096, 16, 6, TestImages.deflate(new byte[1024]));
        assertEquals(74, png.length);

        long allocated = allocatedBy(() -> assertRejected(Kind.TOO_LARGE_DIMENSIONS, png));

        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
    }

    @Test
    void zlibBombOfPlausibleDimensionsIsRefusedForItsCompressionRatio() {
        byte[] bomb = ImageBombs.zlibBombPng(1024, 1024);
        assertTrue(bomb.length < 16 * 1024, "the bomb is small: " + bomb.length);

        long allocated = allocatedBy(() -> assertRejected(Kind.IMPLAUSIBLE_COMPRESSION, bomb));

        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
    }

    @Test
    void pngWhoseDepthMakesItTooBigIsRefusedAlthoughItsSidesAreAllowed() {
        ImageLimits limits = new ImageLimits(1 << 24, 16, 1024, 4L * 1024 * 1024, 100_000);
        byte[] png = ImageBombs.png(1024, 1024, 16, 6, TestImages.deflate(new byte[8]));

        assertEquals(Kind.TOO_LARGE_DIMENSIONS, assertThrows(ImageRejected.class, () -> MriImage.decode(png, limits)).kind());
    }

    @Test
    void jpegFrameDeclaring65000By65000IsRefusedFromItsHeader() {
        byte[] jpeg = ImageBombs.jpegDeclaring(65000, 65000);

        long allocated = allocatedBy(() -> assertRejected(Kind.TOO_LARGE_DIMENSIONS, jpeg));

        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
    }

    @Test
    void jpegDeclaringPlausibleDimensionsOverATinyBodyIsImplausible() {
        assertRejected(Kind.IMPLAUSIBLE_COMPRESSION, ImageBombs.jpegDeclaring(1024, 1024));
    }

    @Test
    void theRealSliceAndOrdinaryImagesStillDecode() {
        assertEquals(256, MriImage.decode(TestImages.sample()).width());
        assertEquals(32, MriImage.decode(TestImages.smallPng()).width());
        assertEquals(32, MriImage.decode(TestImages.smallJpeg()).width());
    }

    @Test
    void decodesBeyondTheCapWaitABoundedTimeThenAreTurnedAway() throws Exception {
        DecodeSlots cut = new DecodeSlots();
        cut.concurrency = 1;
        cut.waitMillis = 100;
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = other.submit(() -> cut.run(() -> {
                holding.countDown();
                await(release);
                return "first";
            }));
            holding.await();
            long start = System.nanoTime();
            assertThrows(DecoderBusy.class, () -> cut.run(() -> "second"));
            assertTrue(System.nanoTime() - start >= 90_000_000L, "waited before refusing");
            release.countDown();
            assertEquals("first", first.get());
            assertEquals("third", cut.run(() -> "third"), "the slot is given back");
        } finally {
            other.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertRejected(Kind kind, byte[] bytes) {
        assertEquals(kind, assertThrows(ImageRejected.class, () -> MriImage.decode(bytes)).kind());
    }

    /** Bytes this thread allocated while running the action (HotSpot's per-thread counter). */
    private static long allocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        action.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}

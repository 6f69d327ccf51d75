package care.enclave.diagnostics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Caps how many uploads are decoded at once. Each decode may hold up to {@link ImageLimits#maxRawBytes()}
 * plus its RGB copy, so the cap, not the number of request threads, bounds the heap decoding can take.
 * A caller waits a bounded time for a slot, then is told to come back ({@link DecoderBusy}), never queued
 * without limit.
 */
@ApplicationScoped
public class DecodeSlots {

    @Inject
    @ConfigProperty(name = "diagnostics.decode.concurrency", defaultValue = "2")
    int concurrency;

    @Inject
    @ConfigProperty(name = "diagnostics.decode.wait-ms", defaultValue = "2000")
    long waitMillis;

    private volatile Semaphore slots;

    public <T> T run(Supplier<T> decode) {
        Semaphore semaphore = slots();
        try {
            if (!semaphore.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new DecoderBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecoderBusy();
        }
        try {
            return decode.get();
        } finally {
            semaphore.release();
        }
    }

    /** Created on first use so that the injected (or, in unit tests, directly set) concurrency applies. */
    private Semaphore slots() {
        Semaphore current = slots;
        if (current == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new Semaphore(Math.max(1, concurrency), true);
                }
                current = slots;
            }
        }
        return current;
    }
}

package pajakdx.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/**
 * A Drools network that may not be loaded yet: a rule cache entry gives its rule model at once
 * and its network (most of a cold start) only when something needs it, or ahead of time in the
 * background for a long-lived process ({@link #prefetch()}). Loaded at most once; thread-safe.
 */
final class Network {
    private final Supplier<KieBase> loader;
    private final CompletableFuture<KieBase> result = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** A network loaded by {@code loader} when first needed. */
    Network(Supplier<KieBase> loader) {
        this.loader = loader;
    }

    /** A network that is there already. */
    static Network of(KieBase kieBase) {
        Network n = new Network(null);
        n.started.set(true);
        n.result.complete(kieBase);
        return n;
    }

    /** A network that never finishes loading (for tests of what must not wait for it). */
    static Network never() {
        Network n = new Network(null);
        n.started.set(true);
        return n;
    }

    /** The network: loaded on this thread if nobody started it, else waited for. */
    KieBase get() {
        if (started.compareAndSet(false, true)) {
            load();
        }
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the rules' network could not be loaded", e.getCause());
        }
    }

    /** Starts loading on a daemon thread of its own, unless started already. */
    void prefetch() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(this::load, "pajakdx-network");
            t.setDaemon(true);
            t.start();
        }
    }

    /** True once loaded (or failed to). */
    boolean ready() {
        return result.isDone();
    }

    private void load() {
        try {
            result.complete(loader.get());
        } catch (Throwable e) {
            OutOfMemory.note(e);
            result.completeExceptionally(e); // whoever waits gets the failure, nobody waits for ever
        }
    }
}

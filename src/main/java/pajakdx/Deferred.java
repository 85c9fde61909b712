package pajakdx;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A read-only list computed the first time it is read, then kept. The lists of one diagnosis
 * share one lock, because they share the evaluator that computes them; the supplier (and with
 * it the working-memory snapshot) is let go once computed.
 */
final class Deferred<T> extends AbstractList<T> implements RandomAccess {
    private final Object lock;
    private Supplier<List<T>> supplier;
    private volatile List<T> value;

    Deferred(Object lock, Supplier<List<T>> supplier) {
        this.lock = lock;
        this.supplier = supplier;
    }

    private List<T> value() {
        List<T> v = value;
        if (v == null) {
            synchronized (lock) {
                v = value;
                if (v == null) {
                    v = List.copyOf(supplier.get());
                    value = v;
                    supplier = null;
                }
            }
        }
        return v;
    }

    @Override
    public T get(int index) {
        return value().get(index);
    }

    @Override
    public int size() {
        return value().size();
    }
}

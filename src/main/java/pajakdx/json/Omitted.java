package pajakdx.json;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list left out on purpose (WHY NOT not asked for): empty to read, and absent from the JSON
 * {@link Json} writes, so that a client can tell "not asked" from "nothing to say".
 */
public final class Omitted {
    private static final List<Object> EMPTY = new Empty();

    private Omitted() {
    }

    /** The one omitted list. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> list() {
        return (List<T>) EMPTY;
    }

    /** True for the omitted list (not for an ordinary empty one). */
    public static boolean is(Object value) {
        return value == EMPTY;
    }

    private static final class Empty extends AbstractList<Object> implements RandomAccess {
        @Override
        public Object get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }

    /** Jackson's value filter: a property whose value this "equals" is not written. */
    static final class Filter {
        @Override
        public boolean equals(Object other) {
            return is(other);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}

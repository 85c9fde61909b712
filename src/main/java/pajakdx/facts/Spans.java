package pajakdx.facts;

/**
 * Comparisons of a quantity known only to lie in a range (a span between two dates, one of them
 * known to a month or a year) with a bound: true or false when every value of the range agrees,
 * null when the range holds values on both sides.
 */
final class Spans {
    private Spans() {
    }

    /** {@code [least, most] op bound}, three-valued; {@code op} is one of {@code == != < <= > >=}. */
    static Boolean compare(long least, long most, String op, long bound) {
        boolean all;
        boolean none;
        switch (op) {
            case "==" -> {
                all = least == bound && most == bound;
                none = bound < least || bound > most;
            }
            case "!=" -> {
                all = bound < least || bound > most;
                none = least == bound && most == bound;
            }
            case "<" -> {
                all = most < bound;
                none = least >= bound;
            }
            case "<=" -> {
                all = most <= bound;
                none = least > bound;
            }
            case ">" -> {
                all = least > bound;
                none = most <= bound;
            }
            case ">=" -> {
                all = least >= bound;
                none = most < bound;
            }
            default -> throw new IllegalArgumentException("unknown comparison '" + op + "'");
        }
        return all ? Boolean.TRUE : none ? Boolean.FALSE : null;
    }
}

package pajakdx.explain;

/**
 * One condition of a rule, evaluated: its text, whether it holds, and why.
 *
 * @param condition the condition in readable form ({@code badan.last-login-shown = no})
 * @param truth     met, failed or unknown
 * @param because   the fact that decided it ({@code badan.last-login-shown = yes}), or null
 * @param ask       for unknown conditions, the finding whose answer would settle it, or null
 */
public record Check(String condition, Truth truth, String because, String ask) {
}

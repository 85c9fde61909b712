package pajakdx.knowledge;

import java.util.Map;
import pajakdx.regex.LinearRegex;

/**
 * A row of the error-message table: when a raw message the user saw matches {@code pattern}
 * (case, spacing and surrounding text do not matter), the findings in {@code sets} are asserted.
 * The pattern runs in time linear in the message, whatever either holds.
 */
public record MessagePattern(String id, LinearRegex pattern, Map<String, String> sets, String topic, Location at) implements java.io.Serializable {
}

package pajakdx.knowledge;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A row of the error-message table: when a raw message the user saw matches {@code pattern}
 * (case, spacing and surrounding text do not matter), the findings in {@code sets} are asserted.
 */
public record MessagePattern(String id, Pattern pattern, Map<String, String> sets, String topic, Location at) {
}

package pajakdx.knowledge;

import java.util.Map;
import pajakdx.regex.LinearRegex;

/**
 * A row of the complaint table: words a taxpayer or an agent uses for a problem in the first line
 * of a ticket ("tidak bisa impersonate PT", "can't log in to Coretax"), in Indonesian or English.
 * When a complaint matches {@code pattern} (lower-cased, white space collapsed), the findings in
 * {@code sets} (in practice the problem) are proposed; the agent sees them and may correct them.
 */
public record ComplaintPattern(String id, LinearRegex pattern, Map<String, String> sets, String topic, Location at) implements java.io.Serializable {
}

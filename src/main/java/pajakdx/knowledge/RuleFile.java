package pajakdx.knowledge;

import java.util.List;

/**
 * The rules of one DRL file, in the order written, with the package they declare.
 *
 * @param file        path relative to the rules folder, '/'-separated
 * @param packageName the DRL package (a dotted name)
 * @param rules       the rules, explicit and derived, in file order
 */
public record RuleFile(String file, String packageName, List<Rule> rules) implements java.io.Serializable {
}

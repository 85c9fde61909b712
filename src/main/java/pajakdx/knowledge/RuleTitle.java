package pajakdx.knowledge;

/**
 * The Indonesian title of a rule, declared in its topic's vocabulary ({@code rule_titles:}); the
 * rule's name is its English title. Derived rules (see {@link Derivation}) get theirs from the
 * title of the rule they come from.
 *
 * @param rule the rule's name, as in the DRL
 * @param id   the Indonesian title
 * @param at   where it is declared
 */
public record RuleTitle(String rule, String id, Location at) implements java.io.Serializable {
}

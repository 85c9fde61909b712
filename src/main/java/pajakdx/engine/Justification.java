package pajakdx.engine;

import java.util.List;

/** One reason a conclusion currently holds: the rule that concluded it and the facts it matched. */
public record Justification(String rule, List<Object> facts) {
}

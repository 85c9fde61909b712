package pajakdx.collect;

import java.util.List;
import java.util.Map;

/**
 * What fact collection reads of a case: the answers by finding id, the raw error texts and the
 * as-of as written, and a name to point problems at (the file, else the case id).
 */
public record CaseInput(String where, Map<String, String> answers, List<String> errors, String asOf) {
}

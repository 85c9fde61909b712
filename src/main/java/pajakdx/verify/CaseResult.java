package pajakdx.verify;

import java.util.List;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.base.Problem;

/**
 * One case run against its expectations.
 *
 * @param name       the case file relative to the facts folder ({@code coretax/x.yaml})
 * @param c          the case, or null when it could not be read
 * @param diagnosis  its diagnosis, or null when it could not be diagnosed
 * @param mismatches how the diagnosis differs from the expectation, one sentence each
 * @param errors     why the case could not be read or diagnosed
 */
public record CaseResult(String name, Case c, Diagnosis diagnosis, List<String> mismatches, List<Problem> errors) {

    /** True when the case was diagnosed and matched its expectation. */
    public boolean passed() {
        return errors.isEmpty() && mismatches.isEmpty();
    }
}

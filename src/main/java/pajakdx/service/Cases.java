package pajakdx.service;

import java.util.function.Supplier;
import pajakdx.Case;
import pajakdx.base.CaseException;
import pajakdx.base.RuleFailureException;

/** Cases from request bodies, and the library's exceptions turned into problem details. */
final class Cases {
    /** What problems in a request body are located in: {@code request: findings.x: message}. */
    static final String NAME = "request";

    private Cases() {
    }

    /** A case from JSON in the format of a case file; a body that is not one is a 400. */
    static Case parse(String json) {
        try {
            return Case.parseJson(NAME, json);
        } catch (CaseException e) {
            throw ApiError.from(ApiError.Kind.MALFORMED_REQUEST, e);
        }
    }

    /**
     * Runs a diagnosis: a case that does not fit the vocabulary is a 422 (every problem listed),
     * a rule that fails a 500 naming the rule.
     */
    static <T> T diagnosing(Supplier<T> work) {
        try {
            return work.get();
        } catch (CaseException e) {
            throw ApiError.from(ApiError.Kind.INVALID_CASE, e);
        } catch (RuleFailureException e) {
            throw ApiError.from(ApiError.Kind.RULE_FAILURE, e);
        }
    }
}

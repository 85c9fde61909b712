package pajakdx.engine;

import java.util.List;
import java.util.Map;
import pajakdx.facts.AsOf;
import pajakdx.facts.Cause;
import pajakdx.facts.Finding;
import pajakdx.facts.Remedy;

/**
 * The working memory after firing: the findings and as-of that went in, the conclusions that
 * hold with their current justifications, and the firings so far.
 */
public record Snapshot(Map<String, Finding> findings, AsOf asOf, Map<Cause, List<Justification>> causes,
                       Map<Remedy, List<Justification>> remedies, List<Firing> firings) {
}

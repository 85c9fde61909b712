package pajakdx.engine;

import java.util.List;
import pajakdx.base.Problem;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.Rule;

/**
 * What {@link Checker} found in a rules folder.
 *
 * @param origin    the folder as named to the user
 * @param catalog   the catalog as far as it could be read
 * @param compiled  the compiled rules; null when there are errors
 * @param rules     every rule read (explicit and derived), in file order; empty when a DRL file has errors
 * @param errors    problems that make the rule base unusable: it does not load
 * @param warnings  problems worth fixing that do not stop loading
 * @param drlFiles  number of DRL files read
 * @param yamlFiles number of catalog files read
 */
public record CheckReport(String origin, Catalog catalog, CompiledRules compiled, List<Rule> rules,
                          List<Problem> errors, List<Problem> warnings, int drlFiles, int yamlFiles) {

    /** True when nothing at all was found. */
    public boolean clean() {
        return errors.isEmpty() && warnings.isEmpty();
    }
}

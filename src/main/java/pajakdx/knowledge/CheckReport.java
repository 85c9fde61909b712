package pajakdx.knowledge;

import java.util.List;
import org.kie.api.KieBase;

/**
 * What {@link Checker} found in a rules folder.
 *
 * @param origin    the folder as named to the user
 * @param catalog   the catalog as far as it could be read
 * @param kieBase   the compiled rules; null when a DRL file has errors
 * @param rules     every compiled rule (empty when a DRL file has errors)
 * @param errors    problems that make the rule base unusable: it does not load
 * @param warnings  problems worth fixing that do not stop loading
 * @param drlFiles  number of DRL files read
 * @param yamlFiles number of catalog files read
 */
public record CheckReport(String origin, Catalog catalog, KieBase kieBase, List<RuleInfo> rules,
                          List<pajakdx.Problem> errors, List<pajakdx.Problem> warnings, int drlFiles, int yamlFiles,
                          java.util.Map<String, String> drlTexts) {

    /** True when nothing at all was found. */
    public boolean clean() {
        return errors.isEmpty() && warnings.isEmpty();
    }
}

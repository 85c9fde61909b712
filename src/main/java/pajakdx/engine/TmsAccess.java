package pajakdx.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.rule.consequence.InternalMatch;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.BeliefSet;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * The only place that reads Drools' truth-maintenance internals: which matches justify a logical
 * fact, and what a match inserted logically. Kept apart so a Drools upgrade touches one class.
 */
final class TmsAccess {
    private TmsAccess() {
    }

    /** The matches that currently justify the logical fact behind {@code handle}. */
    static List<Justification> justifications(FactHandle handle) {
        List<Justification> out = new ArrayList<>();
        EqualityKey key = ((InternalFactHandle) handle).getEqualityKey();
        if (!(key instanceof TruthMaintenanceSystemEqualityKey tmsKey)) {
            return out;
        }
        BeliefSet<?> beliefs = tmsKey.getBeliefSet();
        if (beliefs == null) {
            return out;
        }
        for (Object m = beliefs.getFirst(); m != null; m = ((SimpleMode) m).getNext()) {
            LogicalDependency<?> dep = ((SimpleMode) m).getObject();
            InternalMatch justifier = dep.getJustifier();
            out.add(new Justification(justifier.getRule().getName(), List.copyOf(justifier.getObjects())));
        }
        return out;
    }

    /** The objects a fired match inserted logically. */
    static List<Object> logicalInsertions(Match match) {
        List<Object> out = new ArrayList<>();
        if (match instanceof TruthMaintenanceSystemInternalMatch<?> tms && tms.getLogicalDependencies() != null) {
            for (LogicalDependency<?> d = tms.getLogicalDependencies().getFirst(); d != null; d = d.getNext()) {
                out.add(d.getObject());
            }
        }
        return out;
    }
}

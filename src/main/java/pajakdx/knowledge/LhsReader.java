package pajakdx.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import pajakdx.facts.Finding;

/** Turns a compiled rule's left-hand side into a {@link Condition} tree. */
final class LhsReader {
    private static final Pattern ID_TEST = Pattern.compile("^\\s*id\\s*==\\s*\"([^\"]+)\"\\s*$");

    private LhsReader() {
    }

    static Condition read(GroupElement lhs) {
        return element(lhs);
    }

    private static Condition element(RuleConditionElement e) {
        if (e instanceof GroupElement g) {
            List<Condition> children = new ArrayList<>();
            for (RuleConditionElement c : g.getChildren()) {
                children.add(element(c));
            }
            return switch (g.getType()) {
                case AND -> children.size() == 1 ? children.get(0) : new Condition.All(children);
                case OR -> new Condition.Any(children);
                case NOT -> new Condition.Not(single(children));
                case EXISTS -> new Condition.Exists(single(children));
            };
        }
        if (e instanceof org.drools.base.rule.Pattern p) {
            return pattern(p);
        }
        return new Condition.Opaque(e.getClass().getSimpleName());
    }

    private static Condition single(List<Condition> children) {
        return children.size() == 1 ? children.get(0) : new Condition.All(children);
    }

    private static Condition pattern(org.drools.base.rule.Pattern p) {
        Class<?> type = p.getObjectType() instanceof ClassObjectType cot ? cot.getClassType() : Object.class;
        if (p.getSource() != null) {
            return new Condition.Opaque(type.getSimpleName() + "(...) from ...");
        }
        String findingId = null;
        List<String> constraints = new ArrayList<>();
        for (Constraint c : p.getConstraints()) {
            if (!(c instanceof MVELConstraint mc)) {
                constraints.add(c.toString());
                continue;
            }
            String expr = mc.getExpression();
            Matcher m = ID_TEST.matcher(expr);
            if (type == Finding.class && findingId == null && m.matches()) {
                findingId = m.group(1);
            } else {
                constraints.add(expr);
            }
        }
        Map<String, String> fieldBindings = new LinkedHashMap<>();
        for (Declaration d : p.getDeclarations().values()) {
            if (!d.isPatternDeclaration()) {
                fieldBindings.put(d.getIdentifier(), d.getBindingName());
            }
        }
        String binding = p.getDeclaration() != null ? p.getDeclaration().getIdentifier() : null;
        return new Condition.Pattern(type, binding, findingId, List.copyOf(constraints), fieldBindings);
    }
}

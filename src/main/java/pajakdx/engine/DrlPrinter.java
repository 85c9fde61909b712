package pajakdx.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import pajakdx.knowledge.Conclusion;
import pajakdx.knowledge.Condition;
import pajakdx.knowledge.Constraint;
import pajakdx.knowledge.Rule;
import pajakdx.knowledge.RuleFile;

/**
 * Prints the rule model as canonical DRL: the only text Drools ever compiles. Every name and
 * literal in it was validated when the model was read (no quotes, backslashes or control
 * characters), and the statements of a right-hand side come from the conclusions, so what
 * Drools compiles is exactly what the checks approved, whatever the analyst's file held around
 * it (comments, metadata, odd spacing). Metadata stays in the model; Drools never sees it.
 */
final class DrlPrinter {
    private DrlPrinter() {
    }

    /** A file's rules as DRL, and the line each rule starts on (to point a compile error back to its source). */
    record Printed(String text, List<Integer> ruleLines) {
        /** The rule whose text holds {@code line}, or -1. */
        int ruleAt(int line) {
            int found = -1;
            for (int i = 0; i < ruleLines.size() && ruleLines.get(i) <= line; i++) {
                found = i;
            }
            return found;
        }
    }

    static Printed print(RuleFile file, List<Rule> rules) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(file.packageName()).append(";\n\n");
        s.append("import pajakdx.facts.*;\n\n");
        List<Integer> lines = new ArrayList<>();
        int line = 5;
        for (Rule r : rules) {
            lines.add(line);
            String text = rule(r);
            s.append(text).append('\n');
            line += (int) text.chars().filter(c -> c == '\n').count() + 1;
        }
        return new Printed(s.toString(), List.copyOf(lines));
    }

    static String rule(Rule r) {
        StringBuilder s = new StringBuilder();
        s.append("rule \"").append(r.name()).append("\"\n");
        String salience = r.metadata().get("salience");
        if (salience != null) {
            s.append("    salience ").append(Integer.parseInt(salience)).append('\n');
        }
        s.append("when\n");
        for (Condition c : top(r.condition())) {
            s.append("    ").append(condition(c)).append('\n');
        }
        s.append("then\n");
        for (Conclusion k : r.conclusions()) {
            s.append("    insertLogical(").append(call(k)).append(");\n");
        }
        s.append("end\n");
        return s.toString();
    }

    private static List<Condition> top(Condition c) {
        return c instanceof Condition.All a ? a.children() : List.of(c);
    }

    static String condition(Condition c) {
        if (c instanceof Condition.Pattern p) {
            String constraints = p.constraints().stream().map(Constraint::drl).collect(Collectors.joining(", "));
            return (p.binding() != null ? p.binding() + " : " : "") + p.type().drl() + "(" + constraints + ")";
        }
        if (c instanceof Condition.Not n) {
            return "not ( " + condition(n.child()) + " )";
        }
        if (c instanceof Condition.Exists e) {
            return "exists ( " + condition(e.child()) + " )";
        }
        if (c instanceof Condition.Any a) {
            return "( " + a.children().stream().map(DrlPrinter::condition).collect(Collectors.joining(" or ")) + " )";
        }
        Condition.All all = (Condition.All) c;
        return "( " + all.children().stream().map(DrlPrinter::condition).collect(Collectors.joining(" and ")) + " )";
    }

    private static String call(Conclusion k) {
        if (k.target() == Conclusion.Target.REMEDY) {
            return "Remedy.offer(\"" + k.id() + "\")";
        }
        String method = switch (k.status()) {
            case CONFIRMED -> "confirmed";
            case SUSPECTED -> "suspected";
            case RULED_OUT -> "ruledOut";
        };
        return "Cause." + method + "(\"" + k.id() + "\")";
    }
}

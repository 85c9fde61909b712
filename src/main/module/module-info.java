/**
 * PajakDx: diagnoses why a taxpayer cannot get something done in Indonesia's tax systems.
 *
 * <p>The embedding API is {@code pajakdx} (RuleBase, LiveRuleBase, Consultation, Case, Diagnosis,
 * DiagnoseOptions, Expectation), {@code pajakdx.base} (Problem, Text, Lang and the exceptions)
 * and {@code pajakdx.facts} (the fact classes rules match). Every other package is internal:
 * this module does not export it, and {@code ApiSurfaceTest} checks that no exported type
 * reveals one.
 */
module pajakdx {
    exports pajakdx;
    exports pajakdx.base;
    exports pajakdx.facts;

    // Drools and MVEL read the fact classes reflectively while matching.
    opens pajakdx.facts;
    // picocli creates the commands and fills in their options reflectively.
    opens pajakdx.cli to info.picocli;
    // Jackson creates the filter that leaves omitted lists (WHY NOT not asked for) out of the JSON.
    opens pajakdx.json to com.fasterxml.jackson.databind;

    requires org.kie.api;
    requires org.kie.internal.api;
    requires org.drools.base;
    requires org.drools.core;
    requires org.drools.compiler;
    requires org.drools.drl.ast;
    requires org.drools.drl.parser;
    // Drools' DRL lexer (its tokens are ANTLR 3's): the keyword of a refused 'import static' is read with it.
    requires antlr.runtime;
    requires org.drools.kiesession;
    requires org.drools.tms;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.yaml.snakeyaml;
    requires info.picocli;
    requires org.jline;
    requires org.slf4j;
    requires io.javalin;
}

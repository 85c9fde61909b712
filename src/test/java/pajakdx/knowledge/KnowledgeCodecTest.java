package pajakdx.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pajakdx.TestRules;
import pajakdx.base.Text;
import pajakdx.internal.RuleBases;

/** The rule cache's own form of the rule model and catalog gives back what was written. */
class KnowledgeCodecTest {
    private static final RuleBases.Parts BUNDLED = RuleBases.of(TestRules.rules());

    interface Write<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    interface Read<T> {
        T read(DataInputStream in) throws IOException;
    }

    static <T> byte[] bytes(T value, Write<T> write) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            write.write(value, out);
        }
        return b.toByteArray();
    }

    static <T> T back(byte[] bytes, Read<T> read) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            T value = read.read(in);
            assertEquals(-1, in.read(), "every byte read");
            return value;
        }
    }

    @Test
    void theBundledModel_comesBackEqual() throws IOException {
        List<RuleFile> model = List.of(new RuleFile("all.drl", "rules", BUNDLED.rules()));
        byte[] written = bytes(model, KnowledgeCodec::writeModel);
        List<RuleFile> read = back(written, KnowledgeCodec::readModel);
        // Records compare field by field; a regular expression by its pattern (it is compiled again).
        assertEquals(withPatterns(model), withPatterns(read));
        assertArrayEquals(written, bytes(read, KnowledgeCodec::writeModel), "written again, the same bytes");
    }

    /**
     * Every rule file at hand, bundled or in the tests (broken ones included, as far as they
     * parse), read and derived as a rule base is: the model comes back, so no field the readers
     * leave null is one the codec refuses (an entry would then be written and never read).
     */
    @Test
    void everyRuleFileAtHand_comesBackEqual() throws IOException {
        List<RuleFile> model = new java.util.ArrayList<>();
        for (java.nio.file.Path root : List.of(TestRules.rulesDir(), TestRules.projectRoot().resolve("src/test/resources"))) {
            try (var files = java.nio.file.Files.walk(root)) {
                for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                    pajakdx.engine.DrlReader.Result r = pajakdx.engine.DrlReader.read(root.relativize(f).toString(),
                            java.nio.file.Files.readAllBytes(f));
                    if (r.file() != null) {
                        model.add(r.file());
                    }
                }
            }
        }
        model = Derivation.expand(model, new java.util.ArrayList<>());
        assertTrue(model.size() > 40, "rule files read: " + model.size());
        assertEquals(withPatterns(model), withPatterns(back(bytes(model, KnowledgeCodec::writeModel),
                KnowledgeCodec::readModel)));
    }

    /** The same for the vocabulary of the demo rules, an analyst's folder with fields left to their defaults. */
    @Test
    void theDemoVocabulary_comesBackEqual() throws IOException {
        java.nio.file.Path root = TestRules.projectRoot().resolve("src/test/resources/demo-rules");
        List<pajakdx.base.Problem> errors = new java.util.ArrayList<>();
        Catalog catalog = CatalogReader.read(root, RuleFolder.of(root).files(".yaml"), errors);
        assertEquals(List.of(), errors);
        byte[] written = bytes(catalog, KnowledgeCodec::writeCatalog);
        Catalog read = back(written, KnowledgeCodec::readCatalog);
        assertEquals(catalog.causes(), read.causes());
        assertEquals(catalog.sources(), read.sources());
        assertEquals(catalog.findings(), read.findings());
        assertEquals(catalog.relations(), read.relations());
        assertEquals("Unggah gagal karena koneksi tidak stabil", read.relations().get("DEMO-1").summaryId());
        assertArrayEquals(written, bytes(read, KnowledgeCodec::writeCatalog));
    }

    /** A relation's summary comes back in both languages, and an English-only one stays English only. */
    @Test
    void relationSummaries_comeBackInBothLanguages() throws IOException {
        Location at = new Location("relations.yaml", 6, 0);
        for (Relation r : List.of(
                new Relation("IMP-1", Kind.CAUSE, "pajakku-impersonate", "Badan account never logged in",
                        "Akun Badan belum pernah login", at),
                new Relation("OLD-1", Kind.DEFECT, "djp", "Written before summaries were bilingual", "", at),
                new Relation("NONE-1", Kind.INFO, "djp", "", "", null))) {
            Relation read = back(bytes(r, (v, out) -> new KnowledgeCodec.Out(out).relation(v)),
                    in -> new KnowledgeCodec.In(in).relation());
            assertEquals(r, read);
            assertEquals(r.summary(pajakdx.base.Lang.ID), read.summary(pajakdx.base.Lang.ID));
        }
    }

    @Test
    void everyKindOfPremise_comesBackEqual() throws IOException {
        Location at = new Location("t.drl", 3, 7);
        List<Constraint> all = List.of(
                new Constraint.Compare(Constraint.Field.ID, Constraint.Op.EQ, "npwp", null, at),
                new Constraint.Compare(Constraint.Field.NUMBER, Constraint.Op.GE, "15", 15L, null),
                new Constraint.Known(true, at),
                new Constraint.Flag("common", false, at),
                new Constraint.DateTest("isBefore", "$a", "2025-01-01", true, at),
                new Constraint.Measure("daysSince", "$asOf", Constraint.Op.LT, -3L, true, at),
                new Constraint.Matches(pajakdx.regex.LinearRegex.compile("ETAX-\\d{5}", false), true, at),
                new Constraint.AnyOf(List.of(new Constraint.Known(false, at)), at),
                new Constraint.AllOf(List.of(new Constraint.Flag("x", true, null)), null));
        Condition.Pattern pattern = new Condition.Pattern(FactType.FINDING, "$f", all, at);
        Condition condition = new Condition.All(List.of(pattern,
                new Condition.Any(List.of(new Condition.Not(pattern), new Condition.Exists(
                        new Condition.Pattern(FactType.AS_OF, null, List.of(), null))))));
        Rule rule = new Rule("r: confirmed", "coretax/x", at, List.of("IMP-1"), List.of("djp"), Map.of("k", "v"),
                List.of(new Conclusion(Conclusion.Target.CAUSE, "c", pajakdx.facts.Status.CONFIRMED, at)),
                condition, "base", Map.of("k", at));
        List<RuleFile> model = List.of(new RuleFile("t.drl", "rules.t", List.of(rule)));
        byte[] written = bytes(model, KnowledgeCodec::writeModel);
        List<RuleFile> read = back(written, KnowledgeCodec::readModel);
        assertEquals(withPatterns(model), withPatterns(read));
        Constraint.Matches m = (Constraint.Matches) ((Condition.Pattern) ((Condition.All) read.get(0).rules().get(0)
                .condition()).children().get(0)).constraints().get(6);
        assertTrue(m.regex().find("kode ETAX-40005") && !m.regex().find("ETAX-4000"), "the pattern works once read");
        assertArrayEquals(written, bytes(read, KnowledgeCodec::writeModel), "written again, the same bytes");
    }

    @Test
    void theBundledCatalog_comesBackEqual() throws IOException {
        Catalog catalog = BUNDLED.catalog();
        byte[] written = bytes(catalog, KnowledgeCodec::writeCatalog);
        Catalog read = back(written, KnowledgeCodec::readCatalog);
        assertArrayEquals(written, bytes(read, KnowledgeCodec::writeCatalog), "written again, the same bytes");
        assertEquals(catalog.causes(), read.causes());
        assertEquals(catalog.remedies(), read.remedies());
        assertEquals(catalog.findings(), read.findings());
        assertEquals(catalog.sources(), read.sources());
        assertEquals(catalog.relations(), read.relations());
        assertTrue(read.relations().values().stream().noneMatch(r -> r.summaryId().isEmpty()),
                "the Indonesian summaries are kept");
        assertEquals(catalog.topics(), read.topics());
        assertEquals(catalog.ruleTitles(), read.ruleTitles());
        assertEquals(catalog.messages().stream().map(m -> List.of(m.id(), m.pattern().pattern(), m.sets())).toList(),
                read.messages().stream().map(m -> List.of(m.id(), m.pattern().pattern(), m.sets())).toList());
        assertEquals(catalog.complaints().stream().map(c -> c.pattern().pattern()).toList(),
                read.complaints().stream().map(c -> c.pattern().pattern()).toList());
        assertTrue(catalog.messages().size() > 50, "the bundled catalog has its message table");
    }

    @Test
    void theCatalogsPatterns_matchAsBeforeOnceRead() throws IOException {
        Catalog catalog = BUNDLED.catalog();
        Catalog read = back(bytes(catalog, KnowledgeCodec::writeCatalog), KnowledgeCodec::readCatalog);
        List<String> texts = new java.util.ArrayList<>(List.of("ETAX-40005", "Upload e-Faktur GAGAL", "sertel expired",
                "kode verifikasi tidak terkirim ke email", "", "NPWP 16 digit tidak valid"));
        catalog.messages().forEach(m -> texts.add(m.pattern().pattern()));
        int matched = 0;
        for (int k = 0; k < catalog.messages().size(); k++) {
            pajakdx.regex.LinearRegex before = catalog.messages().get(k).pattern();
            pajakdx.regex.LinearRegex after = read.messages().get(k).pattern();
            assertEquals(before.states(), after.states());
            for (String t : texts) {
                assertEquals(before.find(t), after.find(t), before.pattern() + " on " + t);
                matched += before.find(t) ? 1 : 0;
            }
        }
        assertTrue(matched > 10, "the texts exercise the patterns: " + matched);
        for (String t : texts) {
            assertArrayEquals(catalog.messageIndex().matching(pajakdx.regex.LinearRegex.prepare(t)),
                    read.messageIndex().matching(pajakdx.regex.LinearRegex.prepare(t)), t);
        }
    }

    @Test
    void anAutomatonThatCouldNotHaveBeenCompiled_isRefused() throws IOException {
        // Two states: a jump to state 7, then the final match.
        byte[] jumpOut = bytes(null, (ignored, out) -> {
            out.writeUTF("x");
            out.writeBoolean(false);
            out.writeInt(2);
            out.writeByte(4); // JUMP
            out.writeInt(7);
            out.writeInt(0);
            out.writeBoolean(false);
            out.writeByte(9); // MATCH
            out.writeInt(0);
            out.writeInt(0);
            out.writeBoolean(false);
            out.writeByte(0); // prefilter: all
        });
        IOException e = assertThrows(IOException.class, () -> back(jumpOut, pajakdx.regex.LinearRegex::readFrom));
        assertTrue(e.getMessage().contains("bad state 0 (JUMP)"), e.getMessage());
    }

    @Test
    void stringsOfAnyLength_andLoneSurrogates_comeBackAsTheyWere() throws IOException {
        String longText = "x".repeat(70_000) + "\uD800";
        Text odd = new Text("a\uDC00b\u0000", longText);
        RuleFile file = new RuleFile("f.drl", "p", List.of(new Rule("r", "t", new Location("f.drl", 1, 2), List.of(),
                List.of(), Map.of("title", odd.id()), List.of(), new Condition.All(List.of()), null, Map.of())));
        byte[] written = bytes(List.of(file, file), KnowledgeCodec::writeModel);
        List<RuleFile> read = back(written, KnowledgeCodec::readModel);
        assertEquals(List.of(file, file), read);
        Source s = new Source("k", longText, odd.id(), "", "");
        assertEquals(s, back(bytes(s, (v, out) -> new KnowledgeCodec.Out(out).source(v)),
                in -> new KnowledgeCodec.In(in).source()));
    }

    @Test
    void whatWasNotWrittenByIt_isRefusedWithoutAllocatingWhatItClaims() {
        // A count of two billion rule files: refused before any list is made.
        byte[] huge = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        IOException e = assertThrows(IOException.class, () -> back(huge, KnowledgeCodec::readModel));
        assertTrue(e.getMessage().contains("bad count"), e.getMessage());
        // One rule file whose first string is a reference to a string never read.
        byte[] dangling = {0, 0, 0, 1, 0, 0, 0, 7};
        e = assertThrows(IOException.class, () -> back(dangling, KnowledgeCodec::readModel));
        assertTrue(e.getMessage().contains("not yet read"), e.getMessage());
        // Cut short.
        assertThrows(IOException.class, () -> back(new byte[] {0, 0, 0, 1}, KnowledgeCodec::readModel));
    }

    @Test
    void aValueTheRecordRefuses_isAnIoException() throws IOException {
        // A catalog whose one channel has a text without its English side: Text refuses a null.
        byte[] written = bytes(null, (ignored, out) -> {
            out.writeInt(0); // no sources
            out.writeInt(1); // one channel, keyed "c"
            out.writeInt(-2);
            out.writeUTF("c");
            out.writeInt(0); // its id: "c" again
            out.writeBoolean(true); // its text: "c", null
            out.writeInt(0);
            out.writeInt(-1);
        });
        IOException e = assertThrows(IOException.class, () -> back(written, KnowledgeCodec::readCatalog));
        assertTrue(e.getMessage().contains("cannot rebuild the catalog"), e.getMessage());
    }

    @Test
    void aNullWhereTheModelNeverHoldsOne_isRefused() throws IOException {
        // A pattern without its fact type, a rule without its name, a condition without its child:
        // each read would only fail later, at every diagnosis, with the entry kept.
        Location at = new Location("t.drl", 1, 1);
        List<Rule> broken = List.of(
                new Rule("r", null, at, List.of(), List.of(), Map.of(), List.of(),
                        new Condition.Pattern(null, null, List.of(), at), null, Map.of()),
                new Rule(null, null, at, List.of(), List.of(), Map.of(), List.of(), null, null, Map.of()),
                new Rule("r", null, at, List.of(), List.of(), Map.of(), List.of(), new Condition.Not(null), null,
                        Map.of()));
        for (Rule r : broken) {
            byte[] written = bytes(List.of(new RuleFile("t.drl", "p", List.of(r))), KnowledgeCodec::writeModel);
            IOException e = assertThrows(IOException.class, () -> back(written, KnowledgeCodec::readModel));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
        Rule cause = new Rule("r", null, at, List.of(), List.of(), Map.of(), List.of(
                new Conclusion(Conclusion.Target.CAUSE, "x", null, null)), new Condition.All(List.of()), null, Map.of());
        byte[] noStatus = bytes(List.of(new RuleFile("t.drl", "p", List.of(cause))), KnowledgeCodec::writeModel);
        assertThrows(IOException.class, () -> back(noStatus, KnowledgeCodec::readModel), "a cause without its status");
        // What may be null stays null: a remedy's conclusion has no status, a rule's topic may be unset.
        Rule remedy = new Rule("r", null, null, List.of(), List.of(), Map.of(), List.of(
                new Conclusion(Conclusion.Target.REMEDY, "x", null, null)), new Condition.All(List.of()), null, Map.of());
        List<RuleFile> model = List.of(new RuleFile("t.drl", null, List.of(remedy)));
        assertEquals(model, back(bytes(model, KnowledgeCodec::writeModel), KnowledgeCodec::readModel));
        // In the vocabulary: a source without its title, a cause without its kind or text.
        byte[] source = bytes(new Source("k", null, "", "", ""), (v, out) -> new KnowledgeCodec.Out(out).source(v));
        assertThrows(IOException.class, () -> back(source, in -> new KnowledgeCodec.In(in).source()));
        CauseDef c = BUNDLED.catalog().causes().values().iterator().next();
        for (CauseDef broken2 : List.of(
                new CauseDef(c.id(), null, c.relations(), c.sources(), c.common(), c.text(), c.detail(), c.remedies(),
                        c.topic(), c.at(), c.coexists()),
                new CauseDef(c.id(), c.kind(), c.relations(), c.sources(), c.common(), null, c.detail(), c.remedies(),
                        c.topic(), c.at(), c.coexists()))) {
            byte[] w = bytes(broken2, (v, out) -> new KnowledgeCodec.Out(out).cause(v));
            IOException e = assertThrows(IOException.class, () -> back(w, in -> new KnowledgeCodec.In(in).cause()));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
        assertEquals(c, back(bytes(c, (v, out) -> new KnowledgeCodec.Out(out).cause(v)),
                in -> new KnowledgeCodec.In(in).cause()));
    }

    @Test
    void aPrefilterThatFoldingCannotGive_isRefused() throws IOException {
        // One state (the final match) and a prefilter asking for U+0080: folding gives ASCII only,
        // and a text's signature has no room for it (matching would fail at every diagnosis).
        for (String folded : List.of("\u0080", "a")) {
            byte[] written = bytes(folded, (f, out) -> {
                out.writeUTF("x");
                out.writeBoolean(false);
                out.writeInt(1);
                out.writeByte(9); // MATCH
                out.writeInt(0);
                out.writeInt(0);
                out.writeBoolean(false);
                out.writeByte(1); // a string the text must hold
                out.writeUTF(f);
            });
            if (folded.equals("a")) {
                assertEquals("x", back(written, pajakdx.regex.LinearRegex::readFrom).pattern());
            } else {
                IOException e = assertThrows(IOException.class, () -> back(written, pajakdx.regex.LinearRegex::readFrom));
                assertTrue(e.getMessage().contains("folding cannot give"), e.getMessage());
            }
        }
    }

    /** The model with each regular expression stood for by its pattern, so that records compare by value. */
    private static String withPatterns(List<RuleFile> model) {
        return model.toString().replaceAll("pajakdx\\.regex\\.LinearRegex@\\p{XDigit}+", "regex");
    }
}

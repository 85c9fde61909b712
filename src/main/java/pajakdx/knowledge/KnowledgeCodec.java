package pajakdx.knowledge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pajakdx.base.Text;
import pajakdx.facts.FindingType;
import pajakdx.facts.Status;
import pajakdx.regex.LinearRegex;

/**
 * The rule model and the catalog as the rule cache keeps them: field by field, each string once.
 * Java serialisation of the same records took most of a cold start's reading, in the interpreter:
 * its generic reader, and the method-handle classes it spins for each record class (about 140,
 * compiled as well; docs/PERFORMANCE.md, sixth run). Regular expressions are kept compiled
 * ({@link LinearRegex#writeTo}). Lists, maps and sets come back unmodifiable, in their
 * order. Reading refuses what could not have been written (an unknown tag, a negative or
 * oversized count, a string not yet read, a null where the readers of rules and vocabulary never
 * leave one: a name, an id, a key, an item of a list, a kind, a condition, a cause's status, the
 * text of a cause, remedy or channel, a field of a source, a relation's summary in either
 * language) with an {@link IOException}; the cache then reads the rule files instead. Like any
 * checksummed file, an entry rewritten with other well-formed content is not detected.
 */
public final class KnowledgeCodec {
    /** Most items a list, map or string may claim (far above the bundled rules at ×100). */
    private static final int MAX_COUNT = 50_000_000;

    private KnowledgeCodec() {
    }

    public static void writeModel(List<RuleFile> model, DataOutput out) throws IOException {
        Out o = new Out(out);
        o.list(model, o::ruleFile);
    }

    public static List<RuleFile> readModel(DataInput in) throws IOException {
        In i = new In(in);
        try {
            return i.list(i::ruleFile);
        } catch (RuntimeException e) { // a record, or a pattern's compiling, refused what was read
            throw new InvalidObjectException("cannot rebuild the rule model: " + e);
        }
    }

    public static void writeCatalog(Catalog catalog, DataOutput out) throws IOException {
        catalog.writeTo(new Out(out));
    }

    public static Catalog readCatalog(DataInput in) throws IOException {
        try {
            return Catalog.readFrom(new In(in));
        } catch (RuntimeException e) { // a record or the catalog refused what was read
            throw new InvalidObjectException("cannot rebuild the catalog: " + e);
        }
    }

    interface Writer<T> {
        void write(T value) throws IOException;
    }

    interface Reader<T> {
        T read() throws IOException;
    }

    /** The writing side: strings by number after their first time, null as a mark. */
    static final class Out {
        private final DataOutput out;
        private final Map<String, Integer> strings = new HashMap<>();

        Out(DataOutput out) {
            this.out = out;
        }

        void str(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            // Modified UTF-8 keeps every char as it is, lone surrogates too, in at most 3 bytes: a
            // string of up to 21,845 chars fits writeUTF's 65,535 bytes; a longer one goes char by char.
            if (s.length() <= 21_845) {
                out.writeInt(-2);
                out.writeUTF(s);
            } else {
                out.writeInt(-3);
                out.writeInt(s.length());
                out.writeChars(s);
            }
        }

        void i(int v) throws IOException {
            out.writeInt(v);
        }

        void bool(boolean v) throws IOException {
            out.writeBoolean(v);
        }

        void en(Enum<?> e) throws IOException {
            out.writeInt(e == null ? -1 : e.ordinal());
        }

        <T> void list(java.util.Collection<T> items, Writer<T> each) throws IOException {
            out.writeInt(items.size());
            for (T t : items) {
                each.write(t);
            }
        }

        <V> void map(Map<String, V> m, Writer<V> each) throws IOException {
            out.writeInt(m.size());
            for (Map.Entry<String, V> e : m.entrySet()) {
                str(e.getKey());
                each.write(e.getValue());
            }
        }

        void strings(java.util.Collection<String> items) throws IOException {
            list(items, this::str);
        }

        void stringMap(Map<String, String> m) throws IOException {
            map(m, this::str);
        }

        void at(Location l) throws IOException {
            bool(l != null);
            if (l != null) {
                str(l.file());
                i(l.line());
                i(l.column());
            }
        }

        void text(Text t) throws IOException {
            bool(t != null);
            if (t != null) {
                str(t.id());
                str(t.en());
            }
        }

        void regex(LinearRegex r) throws IOException {
            r.writeTo(out);
        }

        void ruleFile(RuleFile f) throws IOException {
            str(f.file());
            str(f.packageName());
            list(f.rules(), this::rule);
        }

        void rule(Rule r) throws IOException {
            str(r.name());
            str(r.topic());
            at(r.at());
            strings(r.relations());
            strings(r.sources());
            stringMap(r.metadata());
            list(r.conclusions(), c -> {
                en(c.target());
                str(c.id());
                en(c.status());
                at(c.at());
            });
            condition(r.condition());
            str(r.derivedFrom());
            map(r.metadataAt(), this::at);
        }

        void condition(Condition c) throws IOException {
            if (c == null) {
                i(-1);
            } else if (c instanceof Condition.All a) {
                i(0);
                list(a.children(), this::condition);
            } else if (c instanceof Condition.Any a) {
                i(1);
                list(a.children(), this::condition);
            } else if (c instanceof Condition.Not n) {
                i(2);
                condition(n.child());
            } else if (c instanceof Condition.Exists e) {
                i(3);
                condition(e.child());
            } else if (c instanceof Condition.Pattern p) {
                i(4);
                en(p.type());
                str(p.binding());
                list(p.constraints(), this::constraint);
                at(p.at());
            } else {
                throw new IOException("no stored form for " + c.getClass().getName());
            }
        }

        void constraint(Constraint c) throws IOException {
            if (c instanceof Constraint.Compare k) {
                i(0);
                en(k.field());
                en(k.op());
                str(k.value());
                bool(k.number() != null);
                if (k.number() != null) {
                    out.writeLong(k.number());
                }
                at(k.at());
            } else if (c instanceof Constraint.Known k) {
                i(1);
                bool(k.negated());
                at(k.at());
            } else if (c instanceof Constraint.Flag f) {
                i(2);
                str(f.name());
                bool(f.negated());
                at(f.at());
            } else if (c instanceof Constraint.DateTest d) {
                i(3);
                str(d.method());
                str(d.first());
                str(d.second());
                bool(d.negated());
                at(d.at());
            } else if (c instanceof Constraint.Measure m) {
                i(4);
                str(m.method());
                str(m.variable());
                en(m.op());
                out.writeLong(m.bound());
                bool(m.viaThis());
                at(m.at());
            } else if (c instanceof Constraint.Matches m) {
                i(5);
                regex(m.regex());
                bool(m.negated());
                at(m.at());
            } else if (c instanceof Constraint.AnyOf a) {
                i(6);
                list(a.parts(), this::constraint);
                at(a.at());
            } else if (c instanceof Constraint.AllOf a) {
                i(7);
                list(a.parts(), this::constraint);
                at(a.at());
            } else {
                throw new IOException("no stored form for " + c.getClass().getName());
            }
        }

        void finding(FindingDef f) throws IOException {
            str(f.id());
            en(f.type());
            list(f.values(), v -> {
                str(v.id());
                text(v.text());
                strings(v.also());
                stringMap(v.implies());
            });
            strings(f.formats());
            text(f.question());
            en(f.cost());
            str(f.topic());
            at(f.at());
            stringMap(f.implies());
        }

        void cause(CauseDef c) throws IOException {
            str(c.id());
            en(c.kind());
            strings(c.relations());
            strings(c.sources());
            bool(c.common());
            text(c.text());
            text(c.detail());
            strings(c.remedies());
            str(c.topic());
            at(c.at());
            strings(c.coexists());
        }

        void remedy(RemedyDef r) throws IOException {
            str(r.id());
            text(r.text());
            en(r.actor());
            i(r.cost());
            bool(r.escalation());
            strings(r.channels());
            strings(r.relations());
            strings(r.sources());
            str(r.topic());
            at(r.at());
        }

        void source(Source s) throws IOException {
            str(s.key());
            str(s.title());
            str(s.publisher());
            str(s.date());
            str(s.url());
        }

        void channel(Channel c) throws IOException {
            str(c.id());
            text(c.text());
        }

        void relation(Relation r) throws IOException {
            str(r.id());
            en(r.kind());
            str(r.source());
            str(r.summary());
            str(r.summaryId());
            at(r.at());
        }

        void ruleTitle(RuleTitle t) throws IOException {
            str(t.rule());
            str(t.id());
            at(t.at());
        }

        void message(MessagePattern m) throws IOException {
            pattern(m.id(), m.pattern(), m.sets(), m.topic(), m.at());
        }

        void complaint(ComplaintPattern c) throws IOException {
            pattern(c.id(), c.pattern(), c.sets(), c.topic(), c.at());
        }

        /** A message pattern and a complaint pattern have the same parts. */
        private void pattern(String id, LinearRegex regex, Map<String, String> sets, String topic, Location at)
                throws IOException {
            str(id);
            regex(regex);
            stringMap(sets);
            str(topic);
            at(at);
        }
    }

    /** The reading side, the mirror of {@link Out}. */
    static final class In {
        private final DataInput in;
        private final List<String> strings = new ArrayList<>();

        In(DataInput in) {
            this.in = in;
        }

        String str() throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n >= 0) {
                if (n >= strings.size()) {
                    throw new IOException("string " + n + " not yet read");
                }
                return strings.get(n);
            }
            String s;
            if (n == -2) {
                s = in.readUTF();
            } else if (n == -3) {
                char[] chars = new char[count()];
                for (int k = 0; k < chars.length; k++) {
                    chars[k] = in.readChar();
                }
                s = new String(chars);
            } else {
                throw new IOException("bad string mark " + n);
            }
            strings.add(s);
            return s;
        }

        /** A string that is never null where the model holds it (names, ids, keys, list items). */
        String id() throws IOException {
            String s = str();
            if (s == null) {
                throw new IOException("a name or id missing");
            }
            return s;
        }

        int i() throws IOException {
            return in.readInt();
        }

        boolean bool() throws IOException {
            return in.readBoolean();
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("bad count " + n);
            }
            return n;
        }

        /** An enum value that is never null where the model holds it. */
        <E extends Enum<E>> E kind(E[] values) throws IOException {
            E e = en(values);
            if (e == null) {
                throw new IOException("a " + values.getClass().getComponentType().getSimpleName() + " missing");
            }
            return e;
        }

        <E extends Enum<E>> E en(E[] values) throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n < 0 || n >= values.length) {
                throw new IOException("bad " + values.getClass().getComponentType().getSimpleName() + " " + n);
            }
            return values[n];
        }

        <T> List<T> list(Reader<T> each) throws IOException {
            int n = count();
            List<T> out = new ArrayList<>(Math.min(n, 1024));
            for (int k = 0; k < n; k++) {
                out.add(each.read());
            }
            return Collections.unmodifiableList(out);
        }

        <V> Map<String, V> map(Reader<V> each) throws IOException {
            int n = count();
            Map<String, V> out = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                String key = id();
                out.put(key, each.read());
            }
            return Collections.unmodifiableMap(out);
        }

        List<String> strings() throws IOException {
            return list(this::id);
        }

        Set<String> stringSet() throws IOException {
            return Collections.unmodifiableSet(new LinkedHashSet<>(strings()));
        }

        Map<String, String> stringMap() throws IOException {
            return map(this::str);
        }

        Location at() throws IOException {
            return bool() ? new Location(id(), i(), i()) : null;
        }

        Text text() throws IOException {
            return bool() ? new Text(str(), str()) : null;
        }

        /** A text that is never null where the model holds it (a cause's, a remedy's, a channel's). */
        Text shown() throws IOException {
            Text t = text();
            if (t == null) {
                throw new IOException("a text missing");
            }
            return t;
        }

        /** A map whose values, too, are never null (what a message pattern sets). */
        Map<String, String> idMap() throws IOException {
            return map(this::id);
        }

        LinearRegex regex() throws IOException {
            return LinearRegex.readFrom(in);
        }

        RuleFile ruleFile() throws IOException {
            return new RuleFile(id(), str(), list(this::rule));
        }

        Rule rule() throws IOException {
            return new Rule(id(), str(), at(), strings(), strings(), stringMap(),
                    list(this::conclusion), part(), str(), map(this::at));
        }

        /** A cause's conclusion has a status; a remedy's has none. */
        Conclusion conclusion() throws IOException {
            Conclusion.Target target = kind(Conclusion.Target.values());
            String id = id();
            Status status = target == Conclusion.Target.CAUSE ? kind(Status.values()) : en(Status.values());
            return new Conclusion(target, id, status, at());
        }

        Condition condition() throws IOException {
            int tag = i();
            return switch (tag) {
                case -1 -> null;
                case 0 -> new Condition.All(list(this::part));
                case 1 -> new Condition.Any(list(this::part));
                case 2 -> new Condition.Not(part());
                case 3 -> new Condition.Exists(part());
                case 4 -> new Condition.Pattern(kind(FactType.values()), str(), list(this::constraint), at());
                default -> throw new IOException("bad condition tag " + tag);
            };
        }

        /** A condition: never null (a rule without one is dropped by the DRL reader; derived rules get one). */
        Condition part() throws IOException {
            Condition c = condition();
            if (c == null) {
                throw new IOException("a condition missing");
            }
            return c;
        }

        Constraint constraint() throws IOException {
            int tag = i();
            return switch (tag) {
                case 0 -> compare(kind(Constraint.Field.values()), kind(Constraint.Op.values()), str(),
                        bool() ? in.readLong() : null, at());
                case 1 -> new Constraint.Known(bool(), at());
                case 2 -> new Constraint.Flag(id(), bool(), at());
                case 3 -> new Constraint.DateTest(id(), str(), str(), bool(), at());
                case 4 -> new Constraint.Measure(id(), str(), kind(Constraint.Op.values()), in.readLong(), bool(), at());
                case 5 -> new Constraint.Matches(regex(), bool(), at());
                case 6 -> new Constraint.AnyOf(list(this::constraint), at());
                case 7 -> new Constraint.AllOf(list(this::constraint), at());
                default -> throw new IOException("bad constraint tag " + tag);
            };
        }

        /** A comparison has what it compares with: a number for {@code number}, a text otherwise. */
        private Constraint compare(Constraint.Field field, Constraint.Op op, String value, Long number, Location at)
                throws IOException {
            if (field == Constraint.Field.NUMBER ? number == null : value == null) {
                throw new IOException("a comparison without what it compares with");
            }
            return new Constraint.Compare(field, op, value, number, at);
        }

        FindingDef finding() throws IOException {
            return new FindingDef(id(), kind(FindingType.values()),
                    list(() -> new FindingDef.Value(id(), text(), strings(), stringMap())),
                    strings(), text(), kind(Cost.values()), str(), at(), stringMap());
        }

        CauseDef cause() throws IOException {
            return new CauseDef(id(), kind(Kind.values()), strings(), strings(), bool(), shown(), text(), strings(),
                    str(), at(), strings());
        }

        RemedyDef remedy() throws IOException {
            return new RemedyDef(id(), shown(), kind(Actor.values()), i(), bool(), strings(), strings(), strings(),
                    str(), at());
        }

        Source source() throws IOException {
            return new Source(id(), id(), id(), id(), id()); // absent ones are read as ""
        }

        Channel channel() throws IOException {
            return new Channel(id(), shown());
        }

        Relation relation() throws IOException {
            return new Relation(id(), kind(Kind.values()), id(), id(), id(), at()); // summaries: "" when absent
        }

        RuleTitle ruleTitle() throws IOException {
            return new RuleTitle(id(), id(), at());
        }

        MessagePattern message() throws IOException {
            return new MessagePattern(id(), regex(), idMap(), str(), at());
        }

        ComplaintPattern complaint() throws IOException {
            return new ComplaintPattern(id(), regex(), idMap(), str(), at());
        }
    }
}

package pajakdx.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import pajakdx.base.Text;
import pajakdx.facts.FindingType;

/**
 * A finding declared in the vocabulary.
 *
 * @param id       stable id, e.g. {@code badan.last-login-shown}
 * @param type     kind of value
 * @param values   allowed values of a choice (yes-no has yes/no implicitly)
 * @param formats  accepted identifier kinds (npwp15, npwp16, nik, nitku) for identifiers
 * @param question what to ask, in both languages
 * @param cost     what it costs to find out
 * @param topic    topic file that declared it
 * @param at       where it is declared
 * @param implies  findings that any known answer to this one presupposes (e.g. the PIC's name
 *                 compared with AHU presupposes the user is the PIC): set with it unless answered
 */
public record FindingDef(String id, FindingType type, List<Value> values, List<String> formats, Text question,
                         Cost cost, String topic, Location at, Map<String, String> implies) implements java.io.Serializable {

    public FindingDef(String id, FindingType type, List<Value> values, List<String> formats, Text question,
                      Cost cost, String topic, Location at) {
        this(id, type, values, formats, question, cost, topic, at, Map.of());
    }

    /**
     * An allowed value of a choice, with its label and other words users say for it.
     *
     * @param also    other words for it, in either language ({@code aktif}, {@code kedaluwarsa})
     * @param implies findings this answer presupposes, as {@link FindingDef#implies} for any answer
     */
    public record Value(String id, Text text, List<String> also, Map<String, String> implies) implements java.io.Serializable {
        public Value(String id, Text text) {
            this(id, text, List.of(), Map.of());
        }
    }

    /** What a known answer {@code value} presupposes: the finding's implications, then the value's own. */
    public Map<String, String> impliedBy(String value) {
        return values.stream().filter(v -> v.id().equals(value)).findFirst().map(this::impliedBy)
                .orElseGet(() -> new java.util.LinkedHashMap<>(implies));
    }

    /** What an answer {@code v}, one of this finding's values, presupposes. */
    Map<String, String> impliedBy(Value v) {
        Map<String, String> out = new java.util.LinkedHashMap<>(implies);
        out.putAll(v.implies());
        return out;
    }

    /** The allowed value ids, in order (yes/no for yes-no findings). */
    public List<String> valueIds() {
        if (type == FindingType.YES_NO) {
            return List.of("yes", "no");
        }
        return values.stream().map(Value::id).toList();
    }

    /** The label of a value, if declared. */
    public Optional<Text> valueText(String value) {
        if (type == FindingType.YES_NO) {
            return Optional.of("yes".equals(value) ? new Text("ya", "yes") : new Text("tidak", "no"));
        }
        return values.stream().filter(v -> v.id().equals(value)).map(Value::text).findFirst();
    }

    /** Personal data (NPWP, NIK, NITKU) is masked in output. */
    public boolean sensitive() {
        return type == FindingType.IDENTIFIER;
    }
}

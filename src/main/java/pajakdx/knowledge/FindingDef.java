package pajakdx.knowledge;

import java.util.List;
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
 */
public record FindingDef(String id, FindingType type, List<Value> values, List<String> formats, Text question,
                         Cost cost, String topic, Location at) {

    /** An allowed value of a choice, with its label. */
    public record Value(String id, Text text) {
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

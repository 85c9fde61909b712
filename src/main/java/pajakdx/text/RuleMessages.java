package pajakdx.text;

import java.util.List;
import pajakdx.text.Messages.Entry;

/**
 * The messages an analyst gets about a rules folder ({@code check}, loading rules), in English as
 * the library gives them and in Indonesian; {@link Messages} reads them as its own.
 */
final class RuleMessages {
    static final List<Entry> ALL = List.of();

    private RuleMessages() {
    }
}

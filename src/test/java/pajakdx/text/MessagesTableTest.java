package pajakdx.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every message of the table, with values in its holes, is said in Indonesian by its own entry:
 * no entry is taken by another (a more general one, or one whose holes swallow it), and both
 * sides of an entry have the same holes in the same order, so each value lands where it belongs.
 */
class MessagesTableTest {
    private static final Pattern HOLE = Pattern.compile("\\{t?\\}");

    static List<Messages.Entry> everyEntry() {
        List<Messages.Entry> all = new ArrayList<>(Messages.ALL);
        all.addAll(RuleMessages.ALL);
        return all;
    }

    @Test
    void eachMessage_isSaidByItsOwnEntry_withItsValuesInPlace() {
        List<String> wrong = new ArrayList<>();
        for (Messages.Entry e : everyEntry()) {
            String en = fill(e.en());
            String expected = fill(e.id());
            String said = Messages.indonesian(en);
            if (!said.equals(expected)) {
                wrong.add(en + "\n    gives  " + said + "\n    wanted " + expected);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * A quoted value (a rule's name, a value the user wrote) may hold words that other messages are
     * made of: it is shown as it is, and the message around it is still said.
     */
    @Test
    void quotedValues_holdingOtherMessagesWords_areShownAsTheyAre() {
        String tricky = "Badan or PIC never logged in and also locked 3 times; expected x";
        List<String> wrong = new ArrayList<>();
        for (Messages.Entry e : everyEntry()) {
            String en = fill(e.en(), tricky);
            String expected = fill(e.id(), tricky);
            String said = Messages.indonesian(en);
            if (en.contains(tricky) && !said.equals(expected)) {
                wrong.add(en + "\n    gives  " + said + "\n    wanted " + expected);
            }
        }
        assertEquals(List.of(), wrong);
        // a part made of quoted values joined by words: the words are said, the values kept
        assertEquals("aturan 'r': 'a or b' atau 'c times'", Messages.indonesian("rule 'r': 'a or b' or 'c times'"));
        assertEquals("aturan '" + tricky + "': folder aturan tidak ada",
                Messages.indonesian("rule '" + tricky + "': no such rules folder"), "a message inside a message");
    }

    @Test
    void bothSides_haveTheSameHoles() {
        for (Messages.Entry e : everyEntry()) {
            assertEquals(holes(e.en()), holes(e.id()), e.en());
            assertNotEquals(e.en(), e.id(), "an entry that says the same in both languages is not translated");
        }
    }

    /** The template with value number i in its i-th hole: words no template holds. */
    private static String fill(String template) {
        return fill(template, null);
    }

    /** The same, with {@code quoted} in each {@code '{}'} hole when not null. */
    private static String fill(String template, String quoted) {
        Matcher m = HOLE.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            i++;
            boolean inQuotes = m.group().equals("{}") && m.start() > 0 && template.charAt(m.start() - 1) == '\''
                    && m.end() < template.length() && template.charAt(m.end()) == '\'';
            m.appendReplacement(out, Matcher.quoteReplacement(quoted != null && inQuotes ? quoted : "v" + i + "q"));
        }
        return m.appendTail(out).toString();
    }

    private static List<String> holes(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = HOLE.matcher(template);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}

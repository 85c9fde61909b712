package pajakdx.repl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.base.Text;
import pajakdx.knowledge.Actor;
import pajakdx.knowledge.Cost;
import pajakdx.report.Labels;
import pajakdx.text.Messages;

/**
 * The English user-interface text of PajakDx, as fragments to look for in Indonesian output:
 * the REPL's sentences ({@link ReplText}, the commands' help), the report's labels and status
 * words ({@link Labels}), costs and actors, and the messages about input ({@link Messages}). A
 * template is cut at the places its values go; a fragment is kept when it has a word of four
 * letters or more and the Indonesian side of the same text does not hold it too (a command name
 * in backquotes, an id, a code). Command names are left out: every command has an English and an
 * Indonesian name, and the help lists both on purpose.
 */
final class EnglishBundle {
    private static final Pattern HOLE = Pattern.compile("%-?\\d*[sd]|\\{t?\\}|`[^`]*`|'[^']*'|\\(|\\)|:|;|\\|");
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private EnglishBundle() {
    }

    /** Every fragment, longest first (so that a report names the most telling one). */
    static List<String> fragments() {
        Set<String> out = new LinkedHashSet<>();
        for (Text t : texts()) {
            add(t.en(), t.id(), out);
        }
        for (Messages.Entry e : Messages.ALL) {
            add(e.en(), e.id(), out);
        }
        // Command names are typed input, shown in both languages on purpose ("problem / masalah").
        out.removeAll(Command.allNames());
        List<String> list = new ArrayList<>(out);
        list.sort((a, b) -> b.length() - a.length());
        return list;
    }

    private static void add(String en, String id, Set<String> out) {
        if (en == null || en.equals(id)) {
            return;
        }
        for (String part : HOLE.split(en)) {
            String f = part.strip().replaceAll("[.,]+$", "").strip();
            if (WORD.matcher(f).find() && !id.contains(f)) {
                out.add(f);
            }
        }
    }

    static List<Text> texts() {
        List<Text> out = new ArrayList<>();
        for (Class<?> holder : List.of(ReplText.class, Labels.class)) {
            for (Field f : holder.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Text.class) {
                    try {
                        f.setAccessible(true);
                        out.add((Text) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        for (Command c : Command.values()) {
            out.add(c.help());
        }
        for (Cost c : Cost.values()) {
            out.add(c.text());
        }
        for (Actor a : Actor.values()) {
            out.add(a.text());
        }
        return out;
    }

    /** The fragments {@code text} holds as whole words, each with a little of the text around it. */
    static List<String> foundIn(String text, List<String> fragments) {
        List<String> found = new ArrayList<>();
        for (String f : fragments) {
            // Whole words only, and never part of an id: a finding, value or file name such as
            // taxpayer.nik-npwp-matched, 'problem = x', '= none' or '≠ none' is data, not interface text.
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_./-])(?<![=≠] )" + Pattern.quote(f)
                    + "(?![\\p{L}\\p{N}_./-])(?! =)").matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                found.add("'" + f + "' in: ..." + text.substring(from, to).replace('\n', '⏎') + "...");
            }
        }
        return found;
    }
}

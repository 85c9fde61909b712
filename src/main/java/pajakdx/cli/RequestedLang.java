package pajakdx.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pajakdx.base.Lang;

/**
 * The language a command line asks for, read before picocli reads it: picocli has set no option
 * when it reports a usage error, and the help's language is chosen when the command line is built.
 */
final class RequestedLang {
    private RequestedLang() {
    }

    /**
     * The language {@code args} ask for with {@code --lang}, as picocli reads that option (the last
     * one given, before a {@code --}); Indonesian when none is given or its value is not a language.
     */
    static Lang of(String[] args) {
        args = withArgumentFiles(args);
        Lang lang = Lang.ID;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            String value = a.equals("--lang") && i + 1 < args.length ? args[++i]
                    : a.startsWith("--lang=") ? a.substring("--lang=".length()) : null;
            if (value != null) {
                try {
                    lang = Lang.parse(value);
                } catch (IllegalArgumentException e) {
                    // picocli reports the bad value itself
                }
            }
        }
        return lang;
    }

    /**
     * {@code args} with each {@code @file} replaced by the words of that file, as picocli reads an
     * argument file (words split at blanks, quotes around a word removed, from {@code #} to the end
     * of a line left out, {@code @file}s in it read too), so that a {@code --lang} given there
     * counts; a file that cannot be read stays as it is, and picocli then says why.
     */
    static String[] withArgumentFiles(String[] args) {
        List<String> out = new ArrayList<>();
        expand(Arrays.asList(args), out, new HashSet<>(), 0);
        return out.toArray(String[]::new);
    }

    /**
     * The first {@code @file} of {@code args} (or of the argument files they name) that exists
     * but is not a regular file, or null: picocli would print a stack trace for a folder and
     * read a device or a pipe without end.
     */
    static String notARegularArgumentFile(String[] args) {
        for (String a : withArgumentFiles(args)) {
            if (a.equals("--")) {
                return null;
            }
            Path file = a.length() > 1 && a.startsWith("@") && !a.startsWith("@@") ? pathOrNull(a.substring(1)) : null;
            if (file != null && Files.exists(file) && !Files.isRegularFile(file)) {
                return a.substring(1);
            }
        }
        return null;
    }

    private static void expand(List<String> args, List<String> out,
            Set<Path> reading, int depth) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                out.addAll(args.subList(i, args.size()));
                return;
            }
            Path file = a.length() > 1 && a.startsWith("@") && !a.startsWith("@@") && depth < 8
                    ? pathOrNull(a.substring(1)) : null;
            List<String> words = file == null ? null : words(file, reading);
            if (words == null) {
                out.add(a);
            } else {
                expand(words, out, reading, depth + 1);
                reading.remove(file.toAbsolutePath().normalize());
            }
        }
    }

    /** The words of an argument file, or null when it is not one that can be read (or is being read). */
    private static List<String> words(Path file, Set<Path> reading) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ARGUMENT_FILE
                    || !reading.add(file.toAbsolutePath().normalize())) {
                return null;
            }
            List<String> words = new ArrayList<>();
            String text = new String(Files.readAllBytes(file), Charset.defaultCharset());
            for (String line : text.split("\\R")) {
                Matcher word = ARGUMENT_FILE_WORD.matcher(line);
                while (word.find() && !word.group().startsWith("#")) {
                    words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2)
                            : word.group(3));
                }
            }
            return words;
        } catch (IOException | RuntimeException e) {
            return null; // picocli says why it cannot read it
        }
    }

    private static Path pathOrNull(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Larger argument files are left to picocli alone: a command line is never that long. */
    private static final long MAX_ARGUMENT_FILE = 1 << 16;

    private static final Pattern ARGUMENT_FILE_WORD =
            Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");
}

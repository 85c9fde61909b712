package pajakdx.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds passages of the project that repeat a source document word for word: any run of
 * {@code words} or more consecutive words shared with a text file of the sources folder. Names of
 * menus, codes and laws are short, so a run that long is a copied sentence to paraphrase. The
 * analyst keeps the passages a change rests on in a folder outside the project (the pages
 * themselves are not ours to commit) and runs {@code pajakdx copycheck --sources DIR}.
 */
public final class CopyCheck {
    private static final Pattern WORD = Pattern.compile("[0-9a-zA-Z\\u00C0-\\u024F]+");
    /** Files larger than this are not read (sources and project texts are far smaller). */
    private static final long MAX_FILE = 8L * 1024 * 1024;

    /** One copied run: where in the project, how many words, and which source file has it. */
    public record Hit(Path file, int line, int words, Path source, String text) {
    }

    private CopyCheck() {
    }

    /** Every run of at least {@code words} words in {@code project} files that a {@code sources} file also has. */
    public static List<Hit> run(Path sources, List<Path> project, int words) throws IOException {
        Map<String, Path> grams = new HashMap<>();
        for (Path s : files(List.of(sources), ".txt")) {
            List<String> w = words(Files.readString(s, StandardCharsets.UTF_8)).stream().map(Token::word).toList();
            for (int i = 0; i + words <= w.size(); i++) {
                grams.putIfAbsent(String.join(" ", w.subList(i, i + words)), s);
            }
        }
        List<Hit> out = new ArrayList<>();
        for (Path f : files(project, "")) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                continue; // not a text file
            }
            List<Token> w = words(text);
            int i = 0;
            while (i + words <= w.size()) {
                Path source = grams.get(key(w, i, words));
                if (source == null) {
                    i++;
                    continue;
                }
                int end = i + words;
                while (end < w.size() && grams.containsKey(key(w, end - words + 1, words))) {
                    end++;
                }
                int line = 1 + (int) text.substring(0, w.get(i).at()).chars().filter(c -> c == '\n').count();
                String run = text.substring(w.get(i).at(), w.get(end - 1).at() + w.get(end - 1).word().length());
                out.add(new Hit(f, line, end - i, source, run.replaceAll("\\s+", " ")));
                i = end;
            }
        }
        return out;
    }

    private record Token(String word, int at) {
    }

    private static String key(List<Token> w, int from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            s.append(i > from ? " " : "").append(w.get(i).word());
        }
        return s.toString();
    }

    private static List<Token> words(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Token(m.group().toLowerCase(Locale.ROOT), m.start()));
        }
        return out;
    }

    private static List<Path> files(List<Path> roots, String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                out.add(root);
                continue;
            }
            if (!Files.isDirectory(root)) {
                throw new IOException(root + ": no such file or folder");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(suffix) && size(p) <= MAX_FILE)
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}

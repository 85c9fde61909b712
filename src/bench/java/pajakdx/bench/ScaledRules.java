package pajakdx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates a rule base of the same shape as rules/ but {@code factor} times its size: every
 * topic (a .drl with its .yaml) is cloned factor-1 times, each clone with its own rule names and
 * its own problem, finding, cause, remedy and message ids (suffixed {@code -xK}). Shared files
 * (sources, channels, relations, common findings) are kept once. A case of the original topics
 * meets exactly the same rules; the clones add rules that a real, larger knowledge base would
 * add.
 */
final class ScaledRules {
    /** An id as written in YAML: a token outside quotes. */
    private static final Pattern YAML_ID_FIELD = Pattern.compile("^\\s*-?\\s*id:\\s*([A-Za-z0-9._-]+)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern DRL_STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern RULE_NAME = Pattern.compile("^(\\s*rule\\s+\")([^\"]+)(\")", Pattern.MULTILINE);

    private ScaledRules() {
    }

    /** Writes the scaled rule base into {@code target} (replaced) and returns it. */
    static Path generate(Path rules, int factor, Path target) {
        try {
            deleteTree(target);
            copyTree(rules, target);
            if (factor == 1) {
                return target;
            }
            List<Path> topics;
            try (Stream<Path> walk = Files.walk(rules)) {
                topics = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            }
            for (Path drl : topics) {
                Path yaml = Path.of(drl.toString().replaceFirst("\\.drl$", ".yaml"));
                String drlText = Files.readString(drl);
                String yamlText = Files.exists(yaml) ? Files.readString(yaml) : "";
                Set<String> ids = topicIds(yamlText);
                String base = rules.relativize(drl).toString().replaceFirst("\\.drl$", "");
                for (int k = 1; k < factor; k++) {
                    String suffix = "-x" + k;
                    Path outDrl = target.resolve(base + suffix + ".drl");
                    Files.writeString(outDrl, cloneDrl(drlText, ids, suffix));
                    if (!yamlText.isEmpty()) {
                        Files.writeString(target.resolve(base + suffix + ".yaml"), cloneYaml(yamlText, ids, suffix));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids a topic's YAML declares (every {@code id:} field that is a plain token). */
    static Set<String> topicIds(String yaml) {
        Set<String> ids = new HashSet<>();
        Matcher m = YAML_ID_FIELD.matcher(yaml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String cloneDrl(String drl, Set<String> ids, String suffix) {
        Matcher names = RULE_NAME.matcher(drl);
        StringBuilder renamed = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(renamed, Matcher.quoteReplacement(names.group(1) + names.group(2) + suffix
                    + names.group(3)));
        }
        names.appendTail(renamed);
        Matcher strings = DRL_STRING.matcher(renamed.toString());
        StringBuilder out = new StringBuilder();
        while (strings.find()) {
            String s = strings.group(1);
            strings.appendReplacement(out, Matcher.quoteReplacement("\"" + (ids.contains(s) ? s + suffix : s) + "\""));
        }
        strings.appendTail(out);
        return out.toString();
    }

    /** Renames the topic's ids wherever they stand as tokens outside double-quoted text. */
    static String cloneYaml(String yaml, Set<String> ids, String suffix) {
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            StringBuilder l = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                    l.append(c);
                    i++;
                } else if (!quoted && c == '#') {
                    l.append(line, i, line.length());
                    break;
                } else if (!quoted) {
                    Matcher t = TOKEN.matcher(line).region(i, line.length());
                    if (t.lookingAt()) {
                        String token = t.group();
                        l.append(ids.contains(token) ? token + suffix : token);
                        i = t.end();
                    } else {
                        l.append(c);
                        i++;
                    }
                } else {
                    l.append(c);
                    i++;
                }
            }
            out.append(l).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}

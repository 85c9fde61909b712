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
 * Generates a rule base of the same shape as rules/ but {@code factor} times its size: the
 * knowledge (every .drl and every YAML file declaring findings, causes, remedies or messages,
 * common findings included) is cloned factor-1 times, each clone with its own rule names and its
 * own problem, finding, cause, remedy and message ids (suffixed {@code -xK}), so each finding is
 * tested by as many rules as before. Sources, channels, relations and the built-in
 * {@code problem} finding are shared. A case of the original topics meets exactly the same rules;
 * the clones add the rules a larger knowledge base of the same shape would add.
 */
final class ScaledRules {
    /** An id as written in YAML: a token outside quotes. */
    private static final Pattern YAML_ID_FIELD = Pattern.compile("^\\s*-?\\s*id:\\s*([A-Za-z0-9._-]+)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern DRL_STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    /** Files shared by every clone: what the knowledge refers to, not knowledge of its own. */
    private static final Set<String> SHARED = Set.of("sources.yaml", "channels.yaml", "relations.yaml");
    /** A key of {@code rule_titles:}: a rule name in double quotes. */
    private static final Pattern RULE_TITLE_KEY = Pattern.compile("^(\\s+\")([^\"]+)(\"\\s*:.*)$");
    /** A row of the message table: its pattern, in double quotes. */
    private static final Pattern MESSAGE_PATTERN = Pattern.compile("^(\\s+pattern:\\s*\")(.*)(\"\\s*)$");
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
            List<Path> knowledge;
            try (Stream<Path> walk = Files.walk(rules)) {
                knowledge = walk.filter(p -> p.toString().endsWith(".drl")
                        || p.toString().endsWith(".yaml") && !SHARED.contains(rules.relativize(p).toString()))
                        .sorted().toList();
            }
            Set<String> ids = new HashSet<>();
            for (Path p : knowledge) {
                if (p.toString().endsWith(".yaml")) {
                    ids.addAll(topicIds(Files.readString(p)));
                }
            }
            for (Path p : knowledge) {
                String text = Files.readString(p);
                boolean drl = p.toString().endsWith(".drl");
                String base = rules.relativize(p).toString().replaceFirst("\\.(drl|yaml)$", "");
                for (int k = 1; k < factor; k++) {
                    String suffix = "-x" + k;
                    Files.writeString(target.resolve(base + suffix + (drl ? ".drl" : ".yaml")),
                            drl ? cloneDrl(text, ids, suffix) : cloneYaml(text, ids, suffix));
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
        boolean titles = false;
        boolean messages = false;
        for (String line : yaml.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                titles = line.startsWith("rule_titles:");
                messages = line.startsWith("messages:");
            }
            Matcher pattern = MESSAGE_PATTERN.matcher(line);
            if (messages && pattern.matches()) {
                // A larger knowledge base has other messages, not the same ones again: the clone's
                // row matches only texts that name the clone, never the typical cases' texts.
                out.append(pattern.group(1)).append("clone").append(suffix).append(" (").append(pattern.group(2))
                        .append(')').append(pattern.group(3)).append('\n');
                continue;
            }
            Matcher title = RULE_TITLE_KEY.matcher(line);
            if (titles && title.matches()) { // the clone's rules are renamed (cloneDrl): so are their titles' keys
                out.append(title.group(1)).append(title.group(2)).append(suffix).append(title.group(3)).append('\n');
                continue;
            }
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

package pajakdx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands' help in Indonesian: picocli's resource bundle, read as UTF-8 from
 * {@code pajakdx/cli/help-id.properties}. English is the commands' annotations themselves, so a
 * text the bundle lacks falls back to English, never to nothing. The file says which keys picocli
 * looks up.
 */
final class HelpText {
    static final String RESOURCE = "/pajakdx/cli/help-id.properties";

    private HelpText() {
    }

    static Optional<ResourceBundle> indonesian() {
        try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty()
                    : Optional.of(new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * picocli's help factory: footers wrapped by {@link #wrap}. For Indonesian help it also gives
     * the whole command line the bundle the first time a usage message is made (--help, the help
     * command, a usage error), not when the command line is built, so that commands that print no
     * help do not pay for reading it at start-up. A class, not a lambda: see {@code Main.Handlers}.
     */
    static final class Factory implements CommandLine.IHelpFactory {
        private final boolean indonesian;

        Factory(boolean indonesian) {
            this.indonesian = indonesian;
        }

        @Override
        public CommandLine.Help create(CommandSpec spec, CommandLine.Help.ColorScheme colors) {
            CommandSpec root = spec.root();
            if (indonesian && root.resourceBundle() == null) {
                indonesian().ifPresent(bundle -> root.commandLine().setResourceBundle(bundle));
            }
            return new Help(spec, colors);
        }
    }

    /** picocli's help, but for the footer, a listing of code that picocli would wrap anywhere. */
    private static final class Help extends CommandLine.Help {
        Help(CommandSpec spec, CommandLine.Help.ColorScheme colors) {
            super(spec, colors);
        }

        @Override
        public String footer(Object... params) {
            StringBuilder out = new StringBuilder();
            for (String line : commandSpec().usageMessage().footer()) {
                for (String part : String.format(line, params).split("\\R", -1)) {
                    out.append(wrap(part, commandSpec().usageMessage().width())).append(System.lineSeparator());
                }
            }
            return out.toString();
        }
    }

    /**
     * {@code line} in lines of at most {@code width} characters, broken only at spaces outside
     * brackets and double quotes, not before an opening one and not after {@code not} (Drools'
     * {@code not in}, {@code not matches}), so that code such as
     * {@code @derive("suspected, ruledOut")}, {@code not in (...)} or {@code matches "pattern"}
     * is never split (picocli breaks at any space and before a bracket, and inside a word when it
     * must). A continuation is indented two more than the line; a token longer than the width is
     * kept whole, past it.
     */
    static String wrap(String line, int width) {
        String indent = line.substring(0, line.length() - line.stripLeading().length()) + "  ";
        StringBuilder out = new StringBuilder();
        String rest = line;
        while (rest.length() > width) {
            int at = -1; // the last space where a break fits, else the first one
            int depth = 0;
            boolean quoted = false;
            for (int i = rest.length() - rest.stripLeading().length(); i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                    depth++;
                } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                    depth = Math.max(0, depth - 1);
                } else if (c == ' ' && depth == 0 && !quoted && rest.charAt(i - 1) != ' '
                        && (i + 1 == rest.length() || "([{\"".indexOf(rest.charAt(i + 1)) < 0)
                        && !(rest.startsWith(" not", i - 4) || i == 3 && rest.startsWith("not"))) {
                    if (i > width && at >= 0) {
                        break;
                    }
                    at = i;
                    if (i > width) {
                        break;
                    }
                }
            }
            String next = at < 0 ? "" : rest.substring(at).strip();
            if (next.isEmpty()) {
                break; // no place to break: whole
            }
            out.append(rest, 0, at).append(System.lineSeparator());
            rest = indent + next;
        }
        return out.append(rest).toString();
    }
}

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
     * picocli's help factory for Indonesian help: gives the whole command line the bundle the first
     * time a usage message is made (--help, the help command, a usage error), not when the command
     * line is built, so that commands that print no help do not pay for reading it at start-up.
     * A class, not a lambda: see {@code Main.Handlers}.
     */
    static final class Indonesian implements CommandLine.IHelpFactory {
        @Override
        public CommandLine.Help create(CommandSpec spec, CommandLine.Help.ColorScheme colors) {
            CommandSpec root = spec.root();
            if (root.resourceBundle() == null) {
                indonesian().ifPresent(bundle -> root.commandLine().setResourceBundle(bundle));
            }
            return new CommandLine.Help(spec, colors);
        }
    }
}

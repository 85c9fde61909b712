package pajakdx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The commands' help in Indonesian: picocli's resource bundle, read as UTF-8 from
 * {@code pajakdx/cli/help-id.properties}. English is the commands' annotations themselves, so a
 * text the bundle lacks falls back to English, never to nothing.
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
}

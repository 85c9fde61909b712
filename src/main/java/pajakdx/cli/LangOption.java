package pajakdx.cli;

import pajakdx.base.Lang;
import picocli.CommandLine.Option;

/** {@code --lang id|en}: language of user-facing text (Indonesian by default). */
final class LangOption {
    @Option(names = "--lang", paramLabel = "id|en", defaultValue = "id",
            description = "Language of the output: id (Indonesian, default) or en.",
            converter = LangConverter.class)
    Lang lang = Lang.ID;

    static final class LangConverter implements picocli.CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            try {
                return Lang.parse(value);
            } catch (IllegalArgumentException e) { // picocli then quotes our message, not a Java type
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

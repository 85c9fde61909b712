package pajakdx.base;

import java.util.Objects;

/**
 * A user-facing text in both languages. Serialised to JSON as {@code {"id": "...", "en": "..."}}.
 *
 * @param id the Indonesian text
 * @param en the English text
 */
public record Text(String id, String en) implements java.io.Serializable {
    public Text {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
    }

    /** The same text in both languages (names, numbers). */
    public static Text both(String text) {
        return new Text(text, text);
    }

    /** The text in {@code lang}. */
    public String in(Lang lang) {
        return lang == Lang.EN ? en : id;
    }

    @Override
    public String toString() {
        return id;
    }
}

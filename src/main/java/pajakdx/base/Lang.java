package pajakdx.base;

import java.util.Locale;

/** The two languages of every user-facing text: Indonesian (default) and English. */
public enum Lang {
    ID, EN;

    /** {@code id} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code id}/{@code en} (also {@code in}, {@code indonesia}, {@code english}). */
    public static Lang parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "id", "in", "ind", "indonesia", "indonesian", "bahasa" -> ID;
            case "en", "eng", "english", "inggris" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + text + "' (id, en)");
        };
    }
}

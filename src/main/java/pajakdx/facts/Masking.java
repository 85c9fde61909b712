package pajakdx.facts;

/** Masks personal identifiers (NPWP, NIK) so that logs and traces never carry them whole. */
public final class Masking {
    private static final int VISIBLE = 3;

    private Masking() {
    }

    /** Replaces every digit but the last three with {@code *}: {@code ************901}. */
    public static String mask(String digits) {
        if (digits == null) {
            return null;
        }
        int keep = Math.min(VISIBLE, digits.length() / 4);
        StringBuilder out = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            out.append(i >= digits.length() - keep || !Character.isLetterOrDigit(c) ? c : '*');
        }
        return out.toString();
    }
}

package pajakdx.facts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pajakdx.regex.LinearRegex;

/** The patterns of {@code matches} conditions, compiled once (as {@link IsoDates} does for dates). */
final class Patterns {
    /** Rule bases hold a bounded set of patterns; the bound only guards against a hostile one. */
    private static final int MAX = 10_000;
    private static final Map<String, LinearRegex> COMPILED = new ConcurrentHashMap<>();

    private Patterns() {
    }

    static LinearRegex decoded(String base64) {
        LinearRegex r = COMPILED.get(base64);
        if (r == null) {
            String pattern = new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8);
            r = LinearRegex.compile(pattern, false);
            if (COMPILED.size() < MAX) {
                COMPILED.put(base64, r);
            }
        }
        return r;
    }
}

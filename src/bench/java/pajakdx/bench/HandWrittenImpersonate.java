package pajakdx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The impersonate topic written by hand in plain Java, as a programmer would without a rules
 * engine: the same causes, statuses and remedy order as rules/coretax/impersonate.{drl,yaml}, no
 * questions, no explanation, nothing to change without recompiling. The limit of (c): what the
 * same answers cost with no engine at all. Checked against PajakDx on every impersonate case
 * before it is timed.
 */
final class HandWrittenImpersonate {
    /** Cause id to status ("confirmed", "suspected", "ruled-out"), and remedy ids in order. */
    record Result(Map<String, String> causes, List<String> remedies) {
    }

    private static final List<String> ROLES = List.of("pic", "wakil", "kuasa", "pic-tku");

    private HandWrittenImpersonate() {
    }

    static Result diagnose(Map<String, String> answers) {
        Map<String, String> causes = new LinkedHashMap<>();
        List<String> remedies = new ArrayList<>();
        if (!"impersonate-fails".equals(answers.get("problem"))) {
            return new Result(causes, remedies);
        }
        String lastLogin = yesNo(answers.get("badan.last-login-shown"));
        String role = choice(answers.get("user.appointed-role"));
        String ahu = yesNo(answers.get("pic.name-matches-ahu"));

        String imp1 = lastLogin == null ? "suspected" : lastLogin.equals("no") ? "confirmed" : "ruled-out";
        String imp2 = role == null ? "suspected" : role.equals("none") ? "confirmed"
                : ROLES.contains(role) ? "ruled-out" : null;
        String imp3 = null;
        if ("yes".equals(ahu)) {
            imp3 = "ruled-out";
        } else if ("pic".equals(role)) {
            imp3 = ahu == null ? "suspected" : "confirmed";
        }
        // Rank: confirmed, suspected, ruled out; within a status the common IMP-1 first.
        for (String status : List.of("confirmed", "suspected", "ruled-out")) {
            if (status.equals(imp1)) {
                causes.put("badan-never-logged-in", status);
            }
            if (status.equals(imp2)) {
                causes.put("user-not-appointed", status);
            }
            if (status.equals(imp3)) {
                causes.put("pic-name-differs-ahu", status);
            }
        }
        // Remedies: confirmed causes', suspected causes' (cheapest first), browser checks when
        // nothing is confirmed, reporting last.
        for (String status : List.of("confirmed", "suspected")) {
            if (status.equals(imp1)) {
                remedies.add("login-badan-until-recorded");  // cost 1
            }
            if (status.equals(imp2)) {
                remedies.add("ask-appointment");             // cost 3
            }
            if (status.equals(imp3)) {
                remedies.add("update-ahu-data");             // cost 4
            }
        }
        if (!causes.containsValue("confirmed")) {
            remedies.addAll(List.of("check-connection", "clear-browser-cache", "private-window", "other-device"));
        }
        remedies.add("report-impersonate");
        return new Result(causes, remedies);
    }

    private static String yesNo(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "ya", "y", "true", "iya", "benar", "sudah", "ada" -> "yes";
            case "no", "tidak", "n", "false", "tdk", "bukan", "belum", "tidak ada" -> "no";
            default -> null;
        };
    }

    private static String choice(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        return v.equals("unknown") || v.equals("tidak tahu") || v.isEmpty() ? null : v;
    }
}

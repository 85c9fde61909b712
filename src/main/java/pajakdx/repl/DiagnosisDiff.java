package pajakdx.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import pajakdx.Diagnosis;

/**
 * What differs between two diagnoses of the same case: causes whose status changed (null = not
 * concluded), remedies that come or go, the first remedy and the first question.
 */
record DiagnosisDiff(List<StatusChange> causes, List<String> remediesAdded, List<String> remediesRemoved,
                     String firstRemedyBefore, String firstRemedyAfter,
                     String firstQuestionBefore, String firstQuestionAfter) {

    /** A cause's status before and after; null when it is not concluded. */
    record StatusChange(String cause, String before, String after) {
    }

    static DiagnosisDiff between(Diagnosis before, Diagnosis after) {
        Map<String, String> was = statuses(before);
        Map<String, String> now = statuses(after);
        Set<String> ids = new LinkedHashSet<>(now.keySet());
        ids.addAll(was.keySet());
        List<StatusChange> changes = new ArrayList<>();
        for (String id : ids) {
            if (!Objects.equals(was.get(id), now.get(id))) {
                changes.add(new StatusChange(id, was.get(id), now.get(id)));
            }
        }
        List<String> remBefore = before.remedies().stream().map(Diagnosis.RemedyStep::id).toList();
        List<String> remAfter = after.remedies().stream().map(Diagnosis.RemedyStep::id).toList();
        return new DiagnosisDiff(changes,
                remAfter.stream().filter(r -> !remBefore.contains(r)).toList(),
                remBefore.stream().filter(r -> !remAfter.contains(r)).toList(),
                remBefore.isEmpty() ? null : remBefore.get(0), remAfter.isEmpty() ? null : remAfter.get(0),
                firstQuestion(before), firstQuestion(after));
    }

    boolean isEmpty() {
        return causes.isEmpty() && remediesAdded.isEmpty() && remediesRemoved.isEmpty()
                && Objects.equals(firstRemedyBefore, firstRemedyAfter)
                && Objects.equals(firstQuestionBefore, firstQuestionAfter);
    }

    private static Map<String, String> statuses(Diagnosis d) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Diagnosis.CauseResult c : d.causes()) {
            out.put(c.id(), c.status());
        }
        return out;
    }

    private static String firstQuestion(Diagnosis d) {
        return d.questions().stream().filter(q -> !q.answeredUnknown()).map(Diagnosis.Question::finding)
                .findFirst().orElse(null);
    }
}

package pajakdx.service;

import pajakdx.Diagnosis;

/**
 * The one place that decides whether a diagnosis carries WHY NOT (its {@code notConcluded}
 * part and each cause's {@code whyNot}): only when the client asks ({@code ?whyNot=true}).
 * The library computes it on demand, so leaving it out also saves computing it.
 */
final class WhyNot {
    private WhyNot() {
    }

    /** {@code d} as the client asked for it: with or without WHY NOT. */
    static Diagnosis apply(Diagnosis d, boolean asked) {
        return asked ? d : d.withoutWhyNot();
    }
}

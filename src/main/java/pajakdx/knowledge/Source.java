package pajakdx.knowledge;

/** A source document that rules cite by key. */
public record Source(String key, String title, String publisher, String date) {
}

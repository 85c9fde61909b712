package pajakdx.knowledge;

/** A source document that rules cite by key: what it is, who published it, when, and where to read it. */
public record Source(String key, String title, String publisher, String date, String url) implements java.io.Serializable {
}

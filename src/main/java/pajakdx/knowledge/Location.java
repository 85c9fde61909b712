package pajakdx.knowledge;

/** Where a piece of knowledge is written: file relative to the rules folder, line and column (0 when unknown). */
public record Location(String file, int line, int column) implements java.io.Serializable {
    public Location(String file, int line) {
        this(file, line, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}

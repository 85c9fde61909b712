package pajakdx.knowledge;

/** Where a piece of knowledge is written: file relative to the rules folder, and line. */
public record Location(String file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}

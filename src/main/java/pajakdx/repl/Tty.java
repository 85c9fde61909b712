package pajakdx.repl;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard input and output are a terminal (else the REPL reads plain lines). */
final class Tty {
    private Tty() {
    }

    /**
     * True when both standard input and output are a terminal. Up to Java 21 {@code System.console()}
     * is null otherwise; from Java 22 it always exists and {@code Console.isTerminal()} tells.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}

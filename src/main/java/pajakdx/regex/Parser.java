package pajakdx.regex;

import java.util.ArrayList;
import java.util.List;
import pajakdx.regex.LinearRegex.Alt;
import pajakdx.regex.LinearRegex.Assertion;
import pajakdx.regex.LinearRegex.Atom;
import pajakdx.regex.LinearRegex.Node;
import pajakdx.regex.LinearRegex.Op;
import pajakdx.regex.LinearRegex.Repeat;
import pajakdx.regex.LinearRegex.Seq;

/** Reads the accepted subset of regular-expression syntax into a tree (recursive descent, depth bounded). */
final class Parser {
    private static final int MAX_DEPTH = 50;
    private static final int MAX_COUNT = LinearRegex.MAX_STATES;

    private final String p;
    private int at;
    private int depth;

    Parser(String pattern) {
        this.p = pattern;
    }

    Node parseAll() {
        Node n = alternation();
        if (at < p.length()) {
            throw error(p.charAt(at) == ')' ? "unmatched ')'" : "unexpected '" + p.charAt(at) + "'");
        }
        return n;
    }

    private RegexSyntaxException error(String message) {
        return new RegexSyntaxException(message, Math.min(at, p.length()));
    }

    private Node alternation() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (at < p.length() && p.charAt(at) == '|') {
            at++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (at < p.length() && p.charAt(at) != '|' && p.charAt(at) != ')') {
            parts.add(quantified(atom()));
        }
        return parts.size() == 1 ? parts.get(0) : new Seq(parts);
    }

    private Node quantified(Node atom) {
        if (at >= p.length()) {
            return atom;
        }
        char c = p.charAt(at);
        int min;
        int max;
        switch (c) {
            case '*' -> { min = 0; max = -1; at++; }
            case '+' -> { min = 1; max = -1; at++; }
            case '?' -> { min = 0; max = 1; at++; }
            case '{' -> {
                int[] bounds = counted();
                min = bounds[0];
                max = bounds[1];
            }
            default -> {
                return atom;
            }
        }
        if (at < p.length() && p.charAt(at) == '+') {
            throw error("possessive quantifiers ('" + c + "+') are not supported");
        }
        if (at < p.length() && p.charAt(at) == '?') {
            at++; // lazy: the same yes/no answer as greedy
        }
        if (at < p.length() && "*+?{".indexOf(p.charAt(at)) >= 0) {
            throw error("a quantifier cannot follow another; use a group: (x*)+");
        }
        return new Repeat(atom, min, max);
    }

    private int[] counted() {
        int open = at++;
        int min = number();
        int max = min;
        if (at < p.length() && p.charAt(at) == ',') {
            at++;
            max = at < p.length() && p.charAt(at) == '}' ? -1 : number();
        }
        if (at >= p.length() || p.charAt(at) != '}') {
            at = open;
            throw error("'{' must start a repetition such as {2}, {2,} or {2,5}; write \\{ for the character");
        }
        at++;
        if (max >= 0 && max < min) {
            at = open;
            throw error("repetition {" + min + "," + max + "} has its maximum below its minimum");
        }
        return new int[] {min, max};
    }

    private int number() {
        int start = at;
        while (at < p.length() && Character.isDigit(p.charAt(at)) && at - start < 5) {
            at++;
        }
        if (at == start) {
            throw error("a number is expected in the repetition");
        }
        int n = Integer.parseInt(p.substring(start, at));
        if (n > MAX_COUNT) {
            at = start;
            throw error("repetition counts above " + MAX_COUNT + " are not supported");
        }
        return n;
    }

    private Node atom() {
        char c = p.charAt(at);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                return new Atom(Op.CLASS, (char) 0, charClass());
            }
            case '.' -> {
                at++;
                return new Atom(Op.ANY, (char) 0, null);
            }
            case '^' -> {
                at++;
                return new Assertion(Op.BEGIN);
            }
            case '$' -> {
                at++;
                return new Assertion(Op.END);
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{' -> throw error("'" + c + "' has nothing to repeat; write \\" + c
                    + " for the character");
            default -> {
                at++;
                return new Atom(Op.CHAR, c, null);
            }
        }
    }

    private Node group() {
        int open = at++;
        if (at < p.length() && p.charAt(at) == '?') {
            if (at + 1 < p.length() && p.charAt(at + 1) == ':') {
                at += 2;
            } else {
                at = open;
                throw error("'(?' groups other than (?:...) (look-around, flags, named groups) are not supported");
            }
        }
        if (++depth > MAX_DEPTH) {
            throw error("groups are nested more than " + MAX_DEPTH + " deep");
        }
        Node inside = alternation();
        depth--;
        if (at >= p.length() || p.charAt(at) != ')') {
            at = open;
            throw error("unclosed group '('");
        }
        at++;
        return inside;
    }

    private Node escape() {
        int start = at++;
        if (at >= p.length()) {
            throw error("a pattern cannot end with a backslash");
        }
        char e = p.charAt(at++);
        switch (e) {
            case 'd', 'D', 'w', 'W', 's', 'S' -> {
                return new Atom(Op.CLASS, (char) 0, CharClass.named(e));
            }
            case 'b' -> {
                return new Assertion(Op.BOUNDARY);
            }
            case 'B' -> {
                return new Assertion(Op.NOT_BOUNDARY);
            }
            default -> {
                return new Atom(Op.CHAR, escapedChar(e, start), null);
            }
        }
    }

    /** The character an escape such as {@code \.} or {@code \t} stands for. */
    private char escapedChar(char e, int start) {
        switch (e) {
            case 't' -> {
                return '\t';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 'f' -> {
                return '\f';
            }
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    at = start;
                    throw error("the escape '\\" + e + "' is not supported (back references, \\p{...}, \\Q...\\E"
                            + " and the like are not); escape only punctuation");
                }
                return e;
            }
        }
    }

    private CharClass charClass() {
        int open = at++;
        boolean negated = at < p.length() && p.charAt(at) == '^';
        if (negated) {
            at++;
        }
        CharClass.Builder b = new CharClass.Builder();
        boolean empty = true;
        while (at < p.length() && p.charAt(at) != ']') {
            char c = p.charAt(at);
            if (c == '[' || c == '&' && at + 1 < p.length() && p.charAt(at + 1) == '&') {
                throw error("nested classes and intersections ([...[...]] or &&) are not supported");
            }
            char low;
            if (c == '\\') {
                int start = at++;
                if (at >= p.length()) {
                    throw error("a pattern cannot end with a backslash");
                }
                char e = p.charAt(at++);
                if ("dDwWsS".indexOf(e) >= 0) {
                    if (Character.isUpperCase(e)) {
                        at = start;
                        throw error("negated classes (\\" + e + ") inside [...] are not supported");
                    }
                    b.named(e);
                    empty = false;
                    continue;
                }
                low = escapedChar(e, start);
            } else {
                low = c;
                at++;
            }
            char high = low;
            boolean range = false;
            if (at + 1 < p.length() && p.charAt(at) == '-' && p.charAt(at + 1) != ']') {
                range = true;
                at++;
                char h = p.charAt(at);
                if (h == '\\') {
                    int start = at++;
                    if (at >= p.length()) {
                        throw error("a pattern cannot end with a backslash");
                    }
                    high = escapedChar(p.charAt(at++), start);
                } else if (h == '[') {
                    throw error("nested classes are not supported");
                } else {
                    high = h;
                    at++;
                }
                if (high < low) {
                    throw error("the range " + low + "-" + high + " is backwards");
                }
            }
            if (range) {
                b.range(low, high);
            } else {
                b.single(low);
            }
            empty = false;
        }
        if (at >= p.length()) {
            at = open;
            throw error("unclosed class '['");
        }
        if (empty) {
            throw error("an empty class [] matches nothing");
        }
        at++;
        return b.build(negated);
    }
}

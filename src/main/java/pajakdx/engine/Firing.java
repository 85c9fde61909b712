package pajakdx.engine;

import java.util.List;

/** One rule firing, in order: which rule, the facts it matched, what it concluded. */
public record Firing(int seq, String rule, List<Object> facts, List<Object> concluded) {
}

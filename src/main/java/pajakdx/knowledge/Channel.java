package pajakdx.knowledge;

import pajakdx.Text;

/** An escalation channel such as Kring Pajak 1500200. */
public record Channel(String id, Text text) {
}

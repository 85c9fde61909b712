package pajakdx.knowledge;

import pajakdx.base.Text;

/** An escalation channel such as Kring Pajak 1500200. */
public record Channel(String id, Text text) implements java.io.Serializable {
}

package pajakdx.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest that changes whenever the content of a jar or of a folder changes, for the rule
 * cache's names. A jar is read only at its end: its central directory lists every entry's name,
 * size and CRC-32, so any change to any entry changes it, whatever the file's time (builds that
 * fix timestamps, copies that keep them); it is digested by two CRCs (64 bits). A folder (classes
 * run from the build) is read whole, through SHA-256.
 */
public final class Fingerprint {
    private static final int END_RECORD = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int CENTRAL_ENTRY = 0x02014b50;
    /** A central directory larger than this is not a jar PajakDx ships: the whole file is digested. */
    private static final long MAX_DIRECTORY = 64L << 20;

    private Fingerprint() {
    }

    /** The digest of the jar or folder at {@code location}, in hex. */
    public static String of(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            // Two CRCs the JVM computes in hardware (a SHA-256 of the 1.3 MB directory of PajakDx's
            // jar took a cold start 60 ms): 64 bits against accidental change, which is all a name
            // needs here (whoever can rewrite the jar can rewrite the code anyway).
            byte[] directory = centralDirectory(location);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(directory);
            java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
            crcC.update(directory);
            return Long.toHexString(crc.getValue() << 32 | crcC.getValue()) + "-" + directory.length;
        }
        MessageDigest sha = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(location)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The central directory of the zip file {@code jar}; the whole file when it cannot be found. */
    private static byte[] centralDirectory(Path jar) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(jar)) {
            long size = ch.size();
            int tail = (int) Math.min(size, END_RECORD_SIZE + 0xFFFF); // the record, then a comment of up to 64 KiB
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, end, size - tail);
            for (int i = tail - END_RECORD_SIZE; i >= 0; i--) {
                // The end record is the one whose comment runs exactly to the end of the file: the
                // same four bytes inside a comment are not it.
                if (end.getInt(i) != END_RECORD || (end.getShort(i + 20) & 0xFFFF) != tail - i - END_RECORD_SIZE) {
                    continue;
                }
                long length = end.getInt(i + 12) & 0xFFFFFFFFL;
                long recordAt = size - tail + i;
                if (length > MAX_DIRECTORY || length > recordAt || length == 0 && recordAt != 0) {
                    break; // zip64 or not a zip: digest it all
                }
                // The directory ends where the record starts, whatever offset the record gives (a
                // launcher script in front of the zip shifts every offset).
                ByteBuffer directory = ByteBuffer.allocate((int) length + Long.BYTES);
                readFully(ch, directory.limit((int) length), recordAt - length);
                if (length > 0 && directory.order(ByteOrder.LITTLE_ENDIAN).getInt(0) != CENTRAL_ENTRY) {
                    break;
                }
                directory.order(ByteOrder.BIG_ENDIAN).limit(directory.capacity()).putLong((int) length, size);
                return directory.array();
            }
        }
        return Files.readAllBytes(jar);
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer into, long at) throws IOException {
        ch.position(at);
        while (into.hasRemaining()) {
            if (ch.read(into) < 0) {
                throw new IOException("unexpected end of " + ch);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}

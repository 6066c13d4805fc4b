package dev.switchboard.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One broadcast as it travels between nodes: who published it, in which order, to which route and group, and the
 * payload as its sessions receive it. docs/cluster.md gives the wire format of {@link #encode()}.
 *
 * @param origin   the id of the node that published it
 * @param sequence the publishing node's count of messages it published, from 1
 * @param route    the route's path template, e.g. {@code /chat/{room}}
 * @param group    the group name, or {@code null} for all the route's sessions
 * @param binary   whether the payload is a binary message; otherwise it is UTF-8 text
 * @param payload  the message's bytes; not copied, and must not change
 */
public record BusMessage(String origin, long sequence, String route, String group, boolean binary, byte[] payload) {

    /** The version of the wire format that {@link #encode()} writes and {@link #decode(byte[])} reads. */
    public static final int VERSION = 1;
    private static final int BINARY = 1;
    private static final int HAS_GROUP = 2;

    /**
     * @throws NullPointerException if a field other than the group is {@code null}
     */
    public BusMessage {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(payload, "payload");
    }

    /** The bytes of a shared message's payload, as a message carries them. */
    static byte[] payloadOf(SharedMessage message) {
        String text = message.text();
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteBuffer data = message.binary();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return bytes;
    }

    /** The payload as the message each recipient on this node is sent. */
    SharedMessage toShared() {
        return binary ? SharedMessage.binary(ByteBuffer.wrap(payload))
                : SharedMessage.text(new String(payload, StandardCharsets.UTF_8));
    }

    /**
     * The key that chooses the message's shard: the group, or the route for a message to all its sessions.
     *
     * @return the shard key
     */
    public String shardKey() {
        return group != null ? group : route;
    }

    /**
     * The message in the wire format.
     *
     * @return the bytes to publish
     */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte((binary ? BINARY : 0) | (group != null ? HAS_GROUP : 0));
            writeString(out, origin);
            out.writeLong(sequence);
            writeString(out, route);
            if (group != null) {
                writeString(out, group);
            }
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a message in the wire format.
     *
     * @param bytes the bytes received
     * @return the message
     * @throws IllegalArgumentException if the bytes are not a message of {@link #VERSION}
     */
    public static BusMessage decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("A cluster message of version " + version + ", where this node "
                        + "reads version " + VERSION + ": do all nodes run the same Switchboard version?");
            }
            int flags = in.readUnsignedByte();
            String origin = readString(in);
            long sequence = in.readLong();
            String route = readString(in);
            String group = (flags & HAS_GROUP) != 0 ? readString(in) : null;
            int length = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new IllegalArgumentException("A cluster message whose payload length " + length + " does not "
                        + "match the " + in.available() + " bytes that follow");
            }
            return new BusMessage(origin, sequence, route, group, (flags & BINARY) != 0, in.readNBytes(length));
        } catch (IOException e) {
            throw new IllegalArgumentException("A cluster message cut short: " + e, e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("A route, group or node id longer than 65535 bytes in UTF-8 cannot be "
                    + "published: " + value.substring(0, 40) + "...");
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusMessage that && origin.equals(that.origin) && sequence == that.sequence
                && route.equals(that.route) && Objects.equals(group, that.group) && binary == that.binary
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, sequence, route, group, binary, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "BusMessage[origin=" + origin + ", sequence=" + sequence + ", route=" + route + ", group=" + group
                + ", " + (binary ? "binary" : "text") + ", " + payload.length + " bytes]";
    }
}

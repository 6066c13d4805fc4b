package dev.switchboard.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Redis keys and values of the presence; docs/cluster.md gives the format. A node's sessions of a route, or of
 * one of its groups, are one hash: field = session id, value = the session's published attributes. Lengths in the
 * key keep a node id, route or group that contains a colon from reading as another.
 */
final class PresenceKeys {

    /** The directory of node ids, scored by each node's last refresh (its own clock, for pruning only). */
    static final byte[] NODES = utf8("switchboard:presence:nodes");
    private static final String PREFIX = "switchboard:presence:";

    private PresenceKeys() {
    }

    /**
     * The hash of a node's sessions of a route or group.
     *
     * @param nodeId the node
     * @param route  the route's path template
     * @param group  the group, or {@code null} for the route itself
     * @return e.g. {@code switchboard:presence:6:node-a:12:/chat/{room}:room:lobby}
     */
    static byte[] of(String nodeId, String route, String group) {
        return utf8(PREFIX + nodeId.length() + ':' + nodeId + ':' + route.length() + ':' + route
                + (group == null ? "" : ':' + group));
    }

    /** A session's published attributes as a hash value: u16 count, then per attribute a u16-length name and an i32-length value, in UTF-8. */
    static byte[] encode(Map<String, String> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(attributes.size());
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                byte[] name = utf8(attribute.getKey());
                byte[] value = utf8(attribute.getValue());
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a hash value written by {@link #encode}.
     *
     * @throws IllegalArgumentException if the bytes are not such a value
     */
    static Map<String, String> decode(byte[] value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            for (int count = in.readUnsignedShort(); count > 0; count--) {
                String name = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("an attribute value of " + length + " bytes where " + in.available()
                            + " are left");
                }
                attributes.put(name, new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes after the attributes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("A presence entry that is not one: " + e.getMessage(), e);
        }
        return attributes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

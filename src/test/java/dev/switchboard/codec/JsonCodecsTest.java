package dev.switchboard.codec;

import dev.switchboard.Codec;
import dev.switchboard.Jackson3Codec;
import dev.switchboard.JacksonCodec;
import dev.switchboard.JsonbCodec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.binding.TypeOf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON codecs, each the same way: Jackson 2, Jackson 3 and JSON-B carry records, lists, maps, java.time values as
 * ISO-8601 strings, enums by name and nulls both ways, and refuse what is not the type with where they stopped.
 */
class JsonCodecsTest {

    public enum Side { BUY, SELL }

    public record Line(String item, int quantity) { }

    public record Order(String id, Side side, List<Line> lines, Map<String, Integer> tags, Instant placed,
                        LocalDate due, OffsetDateTime local, String note) { }

    private static final Order ORDER = new Order("o-1", Side.SELL, List.of(new Line("tea", 2)), Map.of("gift", 1),
            Instant.parse("2026-12-05T10:15:30Z"), LocalDate.parse("2026-12-24"),
            OffsetDateTime.parse("2026-12-05T11:15:30+01:00"), null);

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of("Jackson 2", new JacksonCodec()),
                Arguments.of("Jackson 3", new Jackson3Codec()),
                Arguments.of("JSON-B", new JsonbCodec()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void recordsRoundTripWithIsoDatesEnumsByNameAndNulls(String name, Codec codec) throws Exception {
        String json = codec.encodeText(ORDER);
        assertTrue(json.contains("\"placed\":\"2026-12-05T10:15:30Z\""), json);
        assertTrue(json.contains("\"due\":\"2026-12-24\""), json);
        assertTrue(json.contains("\"local\":\"2026-12-05T11:15:30+01:00\""), json);
        assertTrue(json.contains("\"side\":\"SELL\""), json);
        assertTrue(json.contains("\"note\":null"), json);
        assertEquals(ORDER, codec.decodeText(json, Order.class));

        ByteBuffer binary = codec.encodeBinary(ORDER);
        assertEquals(json, StandardCharsets.UTF_8.decode(binary.duplicate()).toString());
        assertEquals(ORDER, codec.decodeBinary(binary, Order.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void genericTypesKeepTheirElementTypes(String name, Codec codec) throws Exception {
        Type lines = new TypeOf<List<Line>>() { }.type();
        assertEquals(List.of(new Line("a", 1), new Line("b", 2)),
                codec.decodeText("[{\"item\":\"a\",\"quantity\":1},{\"item\":\"b\",\"quantity\":2}]", lines));
        Type byName = new TypeOf<Map<String, Line>>() { }.type();
        assertEquals(Map.of("x", new Line("c", 3)), codec.decodeText("{\"x\":{\"item\":\"c\",\"quantity\":3}}", byName));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void whatIsNotTheTypeIsRefusedWithWhereTheParserStopped(String name, Codec codec) {
        String truncated = "{\"id\":\"o-2\",\"lines\":[";
        MessageDecodeException undecodable = assertThrows(MessageDecodeException.class,
                () -> codec.decodeText(truncated, Order.class));
        assertEquals(truncated, undecodable.text());
        assertEquals(Order.class, undecodable.targetType());
        assertEquals(truncated.length(), undecodable.position(), undecodable.getMessage());
        assertTrue(undecodable.getMessage().startsWith("Could not decode a text message of 21 characters as "
                + Order.class.getName() + " at position 21: "), undecodable.getMessage());

        byte[] wrongShape = "{\"id\":\"o-3\",\"lines\":{\"item\":\"tea\"}}".getBytes(StandardCharsets.UTF_8);
        MessageDecodeException binary = assertThrows(MessageDecodeException.class,
                () -> codec.decodeBinary(ByteBuffer.wrap(wrongShape), Order.class));
        assertEquals(new String(wrongShape, StandardCharsets.UTF_8), binary.text());
        assertTrue(binary.getMessage().startsWith("Could not decode a binary message of 35 bytes as "),
                binary.getMessage());
    }
}

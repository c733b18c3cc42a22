package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Index keys as byte strings whose unsigned byte order (SQLite's BLOB order) follows MongoDB's order within a
 * type: numbers numerically, strings by code point, dates by time. Each component is a type tag, the escaped
 * payload and a 0x00 terminator, so the encoding of a key prefix is a byte prefix of every key that starts with
 * it, and all keys with a given prefix lie in {@code [prefix, prefix + 0xFF)}.
 */
final class IndexKeys {

    static final byte NULL = 0x05;
    static final byte NUMBER = 0x10;
    static final byte STRING = 0x20;
    static final byte OBJECT_ID = 0x48;
    static final byte BOOLEAN = 0x50;
    static final byte DATE = 0x58;
    /** Documents, arrays, binaries and other rare types: exact BSON bytes, equality only. */
    static final byte OPAQUE = 0x70;
    static final byte END = (byte) 0xFF;

    private IndexKeys() {
    }

    /** The full key of one index entry. */
    static byte[] encode(KeyValue key) {
        var out = new ByteArrayOutputStream(32);
        for (Object value : key) {
            component(normalized(value), out);
        }
        return out.toByteArray();
    }

    /** One component, for building lookup bounds. */
    static byte[] component(Object value) {
        var out = new ByteArrayOutputStream(16);
        component(normalized(value), out);
        return out.toByteArray();
    }

    /** The tag a value's component starts with: a range over one type lies between it and the next tag. */
    static byte tag(Object value) {
        Object v = normalized(value);
        return switch (v) {
            case null -> NULL;
            case Number n -> NUMBER;
            case String s -> STRING;
            case ObjectId id -> OBJECT_ID;
            case Boolean b -> BOOLEAN;
            case Instant i -> DATE;
            default -> OPAQUE;
        };
    }

    /**
     * Whether a query value can be looked up in an index: only types whose encoding is canonical for MongoDB's
     * equality. Documents, arrays and the rest are indexed (unique indexes enforce them) but their queries scan.
     */
    static boolean searchable(Object value) {
        return value == null || value instanceof Missing || value instanceof Number || value instanceof String
                || value instanceof ObjectId || value instanceof Boolean || value instanceof Instant;
    }

    /** Whether a range bound can use an index: ordered types only. */
    static boolean rangeable(Object value) {
        return value instanceof Number || value instanceof String || value instanceof Instant;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, at, part.length);
            at += part.length;
        }
        return result;
    }

    static byte[] append(byte[] prefix, byte b) {
        byte[] result = Arrays.copyOf(prefix, prefix.length + 1);
        result[prefix.length] = b;
        return result;
    }

    private static Object normalized(Object value) {
        if (value == null || value instanceof Missing) {
            return null;
        }
        return new KeyValue(value).normalized().get(0);
    }

    private static void component(Object value, ByteArrayOutputStream out) {
        byte tag = tag(value);
        out.write(tag);
        byte[] payload = switch (value) {
            case null -> new byte[0];
            case Double d -> sortable(d);
            case Long l -> concat(sortable(l.doubleValue()), longBytes(l));
            case Number n -> sortable(n.doubleValue());
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            case ObjectId id -> id.toByteArray();
            case Boolean b -> new byte[] {(byte) (b ? 1 : 0)};
            case Instant i -> longBytes(i.toEpochMilli() ^ Long.MIN_VALUE);
            default -> bson(value);
        };
        for (byte b : payload) {
            if (b == 0x00 || b == 0x01) {
                out.write(0x01);
                out.write(b + 1);
            } else {
                out.write(b);
            }
        }
        out.write(0x00);
    }

    /** Doubles as 8 bytes whose unsigned order is numeric order (NaN canonical, -0 as 0 by normalisation). */
    private static byte[] sortable(double d) {
        long bits = Double.doubleToLongBits(d);
        bits = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return longBytes(bits);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    private static byte[] bson(Object value) {
        var buffer = ByteBufAllocator.DEFAULT.heapBuffer();
        try {
            BsonEncoder.encodeDocument(new Document("v", value), buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return concat(value.getClass().getName().getBytes(StandardCharsets.UTF_8), new byte[] {0x02}, bytes);
        } finally {
            buffer.release();
        }
    }
}

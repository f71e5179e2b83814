package io.github.palimpsest.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Spark's Kryo serializer carry the library's records: {@code spark.kryo.registrator} names this class
 * ({@link #SETTINGS} gives the settings {@link SparkMain} uses). Kryo writes an object field by field, which
 * breaks a Guava {@link ImmutableMap} (its internal tables come back empty: the {@code NullPointerException} a
 * {@link io.github.palimpsest.record.ComparableRecord}'s identifiers gave before). This serializer writes such
 * a map as its entries, in order, and rebuilds it. Every other class Kryo carries field by field.
 *
 * <p>Why Kryo: the Java API gives Spark no class tags, so every shuffle and cache of the linker's tuples went
 * through Java serialization (a fifth of the CPU at 100k records; docs/spark.md, "Measured").
 */
public final class KryoRegistration implements KryoRegistrator {
    /** The Spark settings that select Kryo with this registrator. */
    public static final Map<String, String> SETTINGS = Map.of(
            "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
            "spark.kryo.registrator", KryoRegistration.class.getName());

    /** Public, as Spark instantiates it by name. */
    public KryoRegistration() {
    }

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(ImmutableMap.class, new ImmutableMapSerializer());
    }

    /** An immutable map as its size and entries, rebuilt in the same order. */
    private static final class ImmutableMapSerializer extends Serializer<ImmutableMap<Object, Object>> {
        ImmutableMapSerializer() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, ImmutableMap<Object, Object> map) {
            output.writeInt(map.size(), true);
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        public ImmutableMap<Object, Object> read(Kryo kryo, Input input, Class<ImmutableMap<Object, Object>> type) {
            int size = input.readInt(true);
            ImmutableMap.Builder<Object, Object> map = ImmutableMap.builderWithExpectedSize(size);
            for (int i = 0; i < size; i++) {
                map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
            }
            return map.build();
        }
    }
}

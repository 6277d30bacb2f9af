package io.judgeforge.jobs.spark;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Converts a Java record to a Spark {@link Row} and back, with a schema derived from the record's
 * components (snake_case names, as in the JSON Schemas). One codec serves every record type the
 * stages exchange; {@code Encoders.bean} cannot, because records are not beans.
 *
 * <p>Supported component types: String, int/long/double/boolean and their boxes, enums (as their
 * lower-case name), nested records (structs) and Lists of any of these but Lists (arrays).
 */
public final class RecordCodec<T extends Record> implements Serializable {
    private final Class<T> type;
    private transient StructType schema;

    private RecordCodec(Class<T> type) {
        this.type = type;
    }

    public static <T extends Record> RecordCodec<T> of(Class<T> type) {
        RecordCodec<T> codec = new RecordCodec<>(type);
        codec.schema();
        return codec;
    }

    public StructType schema() {
        if (schema == null) {
            schema = structOf(type);
        }
        return schema;
    }

    public Row toRow(T value) {
        return (Row) encode(value, type);
    }

    public T fromRow(Row row) {
        return type.cast(decode(row, type));
    }

    /**
     * A record class's components, their column names and its canonical constructor, looked up once per class:
     * reflection and the name's regular expression cost more than the rest of a row's conversion.
     */
    private record Shape(
            RecordComponent[] components, Type[] types, Class<?>[] classes, String[] names, Constructor<?> ctor) {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> c) {
                RecordComponent[] components = c.getRecordComponents();
                Type[] types = new Type[components.length];
                Class<?>[] classes = new Class<?>[components.length];
                String[] names = new String[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getGenericType();
                    classes[i] = components[i].getType();
                    names[i] = snake(components[i].getName());
                    components[i].getAccessor().setAccessible(true);
                }
                try {
                    Constructor<?> ctor = c.getDeclaredConstructor(classes);
                    ctor.setAccessible(true);
                    return new Shape(components, types, classes, names, ctor);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("No canonical constructor of " + c.getSimpleName(), e);
                }
            }
        };
    }

    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static StructType structOf(Class<?> recordType) {
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            fields.add(DataTypes.createStructField(
                    snake(c.getName()),
                    dataType(c.getGenericType()),
                    !c.getType().isPrimitive()));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType dataType(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            return DataTypes.createArrayType(dataType(p.getActualTypeArguments()[0]), true);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class || c.isEnum()) {
            return DataTypes.StringType;
        }
        if (c == int.class || c == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (c == long.class || c == Long.class) {
            return DataTypes.LongType;
        }
        if (c == double.class || c == Double.class) {
            return DataTypes.DoubleType;
        }
        if (c == boolean.class || c == Boolean.class) {
            return DataTypes.BooleanType;
        }
        if (c.isRecord()) {
            return structOf(c);
        }
        throw new IllegalArgumentException("RecordCodec cannot map component type " + t);
    }

    private static Object encode(Object value, Type t) {
        if (value == null) {
            return null;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
                out.add(encode(o, element));
            }
            // Spark's Row encoder takes Scala sequences or Java arrays for ArrayType, not java.util.List;
            // an array keeps Scala types out of this class, whose Scala collections differ between 2.12 and 2.13.
            return out.toArray();
        }
        Class<?> c = (Class<?>) t;
        if (c.isEnum()) {
            return ((Enum<?>) value).name().toLowerCase();
        }
        if (c.isRecord()) {
            Shape shape = Shape.OF.get(c);
            RecordComponent[] components = shape.components();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    values[i] = encode(components[i].getAccessor().invoke(value), shape.types()[i]);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(
                            "Cannot read " + c.getSimpleName() + "." + components[i].getName(), e);
                }
            }
            return RowFactory.create(values);
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object decode(Object value, Type t) {
        if (value == null) {
            return null;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            // A row from Spark holds a Scala Seq, which the record branch turns into a List with Row.getList;
            // a row straight from toRow still holds the array that encode made.
            List<?> items = value instanceof Object[] array ? Arrays.asList(array) : (List<?>) value;
            List<Object> out = new ArrayList<>();
            for (Object o : items) {
                out.add(decode(o, element));
            }
            return out;
        }
        Class<?> c = (Class<?>) t;
        if (c.isEnum()) {
            return Enum.valueOf((Class<Enum>) c, value.toString().toUpperCase());
        }
        if (c.isRecord()) {
            Row row = (Row) value;
            Shape shape = Shape.OF.get(c);
            Class<?>[] types = shape.classes();
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                String name = shape.names()[i];
                int index = row.schema() == null ? i : row.fieldIndex(name);
                Object raw = row.isNullAt(index) ? null : row.get(index);
                if (raw != null && types[i] == List.class && !(raw instanceof Object[])) {
                    raw = row.getList(index);
                }
                if (raw == null && types[i].isPrimitive()) {
                    throw new IllegalArgumentException("Column '" + name + "' of " + c.getSimpleName() + " is null");
                }
                args[i] = decode(raw, shape.types()[i]);
            }
            try {
                return shape.ctor().newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build " + c.getSimpleName() + " from a row", e);
            }
        }
        return value;
    }
}

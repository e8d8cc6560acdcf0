package ltsportal.web;

import java.util.Locale;

/**
 * A column that holds an enum as its key, the constant's name in lower case with hyphens ({@code CHANGES_REQUESTED} is
 * "changes-requested"): jOOQ's converter for a {@code forcedType}, so that code reads and writes the enum and the key
 * is spelled in one place. An enum names its column with a subclass, {@code Column}, that the build's jOOQ
 * configuration points at.
 */
public abstract class KeyColumn<E extends Enum<E>> extends org.jooq.impl.AbstractConverter<String, E> {
    protected KeyColumn(Class<E> type) {
        super(String.class, type);
    }

    @Override
    public E from(String key) {
        return key == null ? null : Enum.valueOf(toType(), key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String to(E value) {
        return value == null ? null : key(value);
    }

    /** The key of {@code value}, as stored. */
    public static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

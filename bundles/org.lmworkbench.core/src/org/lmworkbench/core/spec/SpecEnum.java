package org.lmworkbench.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An enum whose constants appear in spec files as lower-case strings ({@code RESNET} is written
 * {@code "resnet"}, {@code CROSS_ENTROPY} is {@code "cross_entropy"}).
 */
public interface SpecEnum {

    /** The spelling used in JSON. */
    default String jsonName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the constant spelled {@code jsonName} in JSON.
     *
     * @throws IllegalArgumentException if no constant has that spelling
     */
    static <E extends Enum<E> & SpecEnum> E parse(Class<E> type, String jsonName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.jsonName().equals(jsonName)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + jsonName + "' is not one of " + String.join(", ", names(type)));
    }

    /** The JSON spellings of all constants, in declaration order. */
    static <E extends Enum<E> & SpecEnum> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.jsonName());
        }
        return names;
    }
}

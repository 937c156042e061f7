package org.lmworkbench.ui.spec;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * Renders spec values for people: numbers as written in the file, defaults in their shortest form
 * ({@code 1e-8}, {@code 1000000}), lists comma-separated, and parses what a user typed back into a
 * value for {@link org.lmworkbench.core.spec.SpecJsonEditor}.
 */
public final class SpecValueText {

    private SpecValueText() {
    }

    /** A written value as text: numbers keep their spelling, strings lose their quotes. */
    public static String of(SpecNode node) {
        if (node == null) {
            return "";
        }
        return switch (node) {
            case SpecNode.NumberNode n -> n.text();
            case SpecNode.StringNode s -> s.value();
            case SpecNode.BooleanNode b -> String.valueOf(b.value());
            case SpecNode.ArrayNode a -> a.elements().stream().map(SpecValueText::of).collect(Collectors.joining(", "));
            case SpecNode.NullNode n -> "null";
            case SpecNode.ObjectNode o -> o.describe();
        };
    }

    /** A default value in its shortest honest form. */
    public static String ofDefault(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return Double.toString(d).replace(".0E", "E").replace("E", "e");
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? Messages.SpecValueText_emptyList
                    : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof String s && s.isEmpty()) {
            return Messages.SpecValueText_emptyString;
        }
        return String.valueOf(value);
    }

    /** The note shown while a key is absent. */
    public static String defaultHint(SpecSchema.Field field) {
        if (field.required()) {
            return Messages.SpecValueText_required;
        }
        return switch (field.key()) {
            case "optimizer.momentum" -> Messages.SpecValueText_momentumDefault;
            case "data.seed" -> Messages.SpecValueText_dataSeedDefault;
            default -> field.defaultValue() == null ? Messages.SpecValueText_noDefault
                    : NLS.bind(Messages.SpecValueText_default, ofDefault(field.defaultValue()));
        };
    }

    /** The allowed range or values, for tooltips: "integer in [1, 1000000]", "one of mlp, cnn". */
    public static String constraint(SpecSchema.Field field) {
        return switch (field.kind()) {
            case ENUM -> NLS.bind(Messages.SpecValueText_oneOf, String.join(", ", field.allowed()));
            case BOOLEAN -> Messages.SpecValueText_boolean;
            case STRING -> field.patternHint() == null ? Messages.SpecValueText_text : field.patternHint();
            case STRING_LIST -> Messages.SpecValueText_list;
            case INT_OR_FULL -> NLS.bind(Messages.SpecValueText_intOrFull, range(field));
            case INT -> NLS.bind(Messages.SpecValueText_integer, range(field));
            case NUMBER -> NLS.bind(Messages.SpecValueText_number, range(field));
        };
    }

    private static String range(SpecSchema.Field field) {
        String low = field.min() == null ? "-\u221e" : field.min().toPlainString();
        String high = field.max() == null ? "\u221e" : field.max().toPlainString();
        return (field.min() != null && !field.minExclusive() ? "[" : "(") + low + ", " + high
                + (field.max() != null && !field.maxExclusive() ? "]" : ")");
    }

    /**
     * What to write for typed number text: an Integer when it is whole and fits, else a BigDecimal;
     * text that is not a number is returned as typed, so the validator reports it; blank is null.
     */
    public static Object parseNumber(String typed, boolean integer) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
        if (integer || value.stripTrailingZeros().scale() <= 0) {
            try {
                return value.intValueExact();
            } catch (ArithmeticException notAnInt) {
                return value;
            }
        }
        return value;
    }
}

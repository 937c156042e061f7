package org.lmworkbench.core.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks one value against its {@link SpecSchema.Field} and converts it to plain Java: Integer for
 * INT, Double for NUMBER, Boolean, String (also for ENUM and for "full"), List of String.
 * The same checks serve fields written in place and values listed in a sweep; the caller says
 * which path to name in messages.
 */
final class FieldChecker {

    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final String JVM_MEMORY = "execution.jvm_memory";

    private FieldChecker() {
    }

    /**
     * Returns the converted value, or null after passing each problem's full message to
     * {@code problems}. A problem in one element of a list is reported with the element's path.
     *
     * @param where path to name in messages, e.g. {@code $.model.width} or {@code $.sweep['seed'][1]}
     */
    static Object check(SpecSchema.Field field, SpecNode node, String where, Consumer<String> problems) {
        return switch (field.kind()) {
            case INT -> checkInt(field, node, where, problems);
            case NUMBER -> checkNumber(field, node, where, problems);
            case BOOLEAN -> node instanceof SpecNode.BooleanNode b ? (Object) b.value()
                    : wrongType(where, "a boolean", node, problems);
            case STRING -> checkString(field, node, where, problems);
            case ENUM -> checkEnum(field, node, where, problems);
            case INT_OR_FULL -> checkIntOrFull(field, node, where, problems);
            case STRING_LIST -> checkStringList(node, where, problems);
        };
    }

    /** Same as {@link #check} but silent: null simply means "not acceptable". */
    static Object convert(SpecSchema.Field field, SpecNode node) {
        return check(field, node, "", message -> { });
    }

    private static Object checkInt(SpecSchema.Field field, SpecNode node, String where, Consumer<String> problems) {
        if (!(node instanceof SpecNode.NumberNode number)) {
            return wrongType(where, "an integer", node, problems);
        }
        if (number.value() == null) {
            problems.accept(where + ": " + JsonPaths.shown(number.text()) + " is too large");
            return null;
        }
        if (!number.isIntegral()) {
            return wrongType(where, "an integer", node, problems);
        }
        if (number.value().compareTo(INT_MAX) > 0) {
            problems.accept(where + ": " + JsonPaths.shown(number.text()) + " is too large");
            return null;
        }
        if (number.value().compareTo(INT_MIN) < 0) {
            problems.accept(where + ": " + JsonPaths.shown(number.text()) + " is too small");
            return null;
        }
        return inRange(field, number, where, problems) ? number.value().intValueExact() : null;
    }

    private static Object checkNumber(SpecSchema.Field field, SpecNode node, String where, Consumer<String> problems) {
        if (!(node instanceof SpecNode.NumberNode number)) {
            return wrongType(where, "a number", node, problems);
        }
        if (number.value() == null) {
            problems.accept(where + ": " + JsonPaths.shown(number.text()) + (number.text().contains("NaN") ? " is not a number" : " is too large"));
            return null;
        }
        double d = number.value().doubleValue();
        if (Double.isInfinite(d)) {
            problems.accept(where + ": " + JsonPaths.shown(number.text()) + (d > 0 ? " is too large" : " is too small"));
            return null;
        }
        return inRange(field, number, where, problems) ? d : null;
    }

    private static boolean inRange(SpecSchema.Field field, SpecNode.NumberNode number, String where,
            Consumer<String> problems) {
        BigDecimal v = number.value();
        boolean ok = true;
        if (field.min() != null) {
            int c = v.compareTo(field.min());
            ok = field.minExclusive() ? c > 0 : c >= 0;
        }
        if (ok && field.max() != null) {
            int c = v.compareTo(field.max());
            ok = field.maxExclusive() ? c < 0 : c <= 0;
        }
        if (!ok) {
            problems.accept(where + ": must be " + rangeText(field) + " but was " + JsonPaths.shown(number.text()));
        }
        return ok;
    }

    /** "> 0", ">= 1", "in [1, 1000]", "in [0, 1)". */
    static String rangeText(SpecSchema.Field field) {
        if (field.max() == null) {
            return (field.minExclusive() ? "> " : ">= ") + plain(field.min());
        }
        return "in " + (field.minExclusive() ? "(" : "[") + plain(field.min()) + ", " + plain(field.max())
                + (field.maxExclusive() ? ")" : "]");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Object checkString(SpecSchema.Field field, SpecNode node, String where, Consumer<String> problems) {
        if (!(node instanceof SpecNode.StringNode string)) {
            return wrongType(where, "a string", node, problems);
        }
        if (field.pattern() != null && !field.pattern().matcher(string.value()).matches()) {
            problems.accept(where + ": " + JsonPaths.quote(string.value()) + " is not valid; " + field.patternHint());
            return null;
        }
        if (field.key().equals(JVM_MEMORY)) {
            // The size is checked here, not in the child JVM, which would die before writing a status.
            String problem = MemorySize.heapProblem(string.value(), MemorySize.physicalMemory());
            if (problem != null) {
                problems.accept(where + ": " + problem);
                return null;
            }
        }
        return string.value();
    }

    private static Object checkEnum(SpecSchema.Field field, SpecNode node, String where, Consumer<String> problems) {
        if (!(node instanceof SpecNode.StringNode string)) {
            return wrongType(where, "a string", node, problems);
        }
        if (!field.allowed().contains(string.value())) {
            problems.accept(where + ": " + JsonPaths.quote(string.value()) + " is not one of " + String.join(", ", field.allowed())
                    + Suggestions.didYouMean(string.value(), field.allowed()));
            return null;
        }
        return string.value();
    }

    private static Object checkIntOrFull(SpecSchema.Field field, SpecNode node, String where, Consumer<String> problems) {
        if (node instanceof SpecNode.StringNode string && TrainingSpec.FULL.equals(string.value())) {
            return TrainingSpec.FULL;
        }
        if (!(node instanceof SpecNode.NumberNode)) {
            return wrongType(where, "an integer or \"full\"", node, problems);
        }
        return checkInt(field, node, where, problems);
    }

    private static Object checkStringList(SpecNode node, String where, Consumer<String> problems) {
        if (!(node instanceof SpecNode.ArrayNode array)) {
            return wrongType(where, "an array of strings", node, problems);
        }
        List<String> strings = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.elements().size(); i++) {
            SpecNode element = array.elements().get(i);
            if (element instanceof SpecNode.StringNode s) {
                strings.add(s.value());
            } else {
                wrongType(JsonPaths.index(where, i), "a string", element, problems);
                ok = false;
            }
        }
        return ok ? List.copyOf(strings) : null;
    }

    private static Object wrongType(String where, String expected, SpecNode found, Consumer<String> problems) {
        problems.accept(where + ": expected " + expected + " but found " + found.describe());
        return null;
    }
}

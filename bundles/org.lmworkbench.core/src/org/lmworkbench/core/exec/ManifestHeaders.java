package org.lmworkbench.core.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OSGi manifest header syntax, as far as a class path needs it: clauses separated by commas
 * (outside quotes), each with one or more names and then {@code key=value} attributes and
 * {@code key:=value} directives separated by semicolons; versions and version ranges
 * ({@code 1.2.3.qualifier}, {@code [1.0,2.0)}, a bare version meaning "at least").
 */
final class ManifestHeaders {

    /**
     * One clause of a header.
     *
     * @param names      the paths before the first attribute (usually one)
     * @param attributes {@code key=value} pairs, unquoted
     * @param directives {@code key:=value} pairs, unquoted
     */
    record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {

        /** True for {@code resolution:=optional}. */
        boolean isOptional() {
            return "optional".equals(directives.get("resolution"));
        }

        /** The {@code version} or {@code bundle-version} range, "at least 0" when absent. */
        VersionRange range(String attribute) {
            String value = attributes.get(attribute);
            return value == null ? VersionRange.ANY : VersionRange.parse(value);
        }
    }

    /** A version range; {@code floor} is inclusive or not, a null ceiling means unbounded. */
    record VersionRange(int[] floor, boolean floorInclusive, int[] ceiling, boolean ceilingInclusive) {

        static final VersionRange ANY = new VersionRange(new int[] {0, 0, 0}, true, null, false);

        static VersionRange parse(String text) {
            String t = text.trim();
            if (t.startsWith("[") || t.startsWith("(")) {
                String[] bounds = t.substring(1, t.length() - 1).split(",");
                return new VersionRange(version(bounds[0]), t.startsWith("["), version(bounds[1]), t.endsWith("]"));
            }
            return new VersionRange(version(t), true, null, false);
        }

        boolean includes(int[] v) {
            int low = compare(v, floor);
            if (low < 0 || (low == 0 && !floorInclusive)) {
                return false;
            }
            if (ceiling == null) {
                return true;
            }
            int high = compare(v, ceiling);
            return high < 0 || (high == 0 && ceilingInclusive);
        }
    }

    private ManifestHeaders() {
    }

    /** The clauses of a header value; none for null. */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int directive = part.indexOf(":=");
                int attribute = part.indexOf('=');
                if (directive > 0 && directive < attribute + 1) {
                    directives.put(part.substring(0, directive).trim(), unquote(part.substring(directive + 2)));
                } else if (attribute > 0) {
                    attributes.put(part.substring(0, attribute).trim(), unquote(part.substring(attribute + 1)));
                } else if (!part.isBlank()) {
                    names.add(unquote(part));
                }
            }
            if (!names.isEmpty()) {
                clauses.add(new Clause(names, attributes, directives));
            }
        }
        return clauses;
    }

    /** {@code major.minor.micro} of a version; the qualifier does not decide between installed bundles here. */
    static int[] version(String text) {
        String[] parts = text.trim().split("\\.");
        int[] v = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                v[i] = 0;
            }
        }
        return v;
    }

    /** Compares two versions of {@link #version}. */
    static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    private static String unquote(String text) {
        String t = text.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}

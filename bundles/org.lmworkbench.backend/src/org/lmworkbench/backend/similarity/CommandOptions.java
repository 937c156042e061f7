package org.lmworkbench.backend.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options and positional arguments of the analysis commands
 * ({@code similarity}, {@code diagnostics}). Unknown or repeated options and missing values are
 * {@link SimilarityException}s, which the commands report with exit code 2.
 */
public final class CommandOptions {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final boolean help;

    /**
     * Parses {@code args}.
     *
     * @param known option names without dashes that take a value
     */
    public CommandOptions(String command, String[] args, Set<String> known) {
        boolean wantsHelp = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                wantsHelp = true;
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!known.contains(name)) {
                    throw new SimilarityException(command + ": unknown option --" + name + " (options: --"
                            + String.join(", --", known.stream().sorted().toList()) + ")");
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new SimilarityException(command + ": --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null) {
                    throw new SimilarityException(command + ": --" + name + " given twice");
                }
            } else {
                positional.add(a);
            }
        }
        this.help = wantsHelp;
    }

    /** True if --help or -h was given. */
    public boolean help() {
        return help;
    }

    /** The value of an option, or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** The value of a required option. */
    public String require(String command, String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new SimilarityException(command + ": --" + name + " is required (see --help)");
        }
        return v;
    }

    /** A comma-separated list option, empty if absent. */
    public List<String> list(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** An integer option with a default and a lower bound. */
    public long number(String command, String name, long fallback, long minimum) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < minimum) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SimilarityException(command + ": --" + name + " must be an integer >= " + minimum + ", not '" + v + "'");
        }
    }

    /** Positional arguments in order. */
    public List<String> positional() {
        return positional;
    }
}

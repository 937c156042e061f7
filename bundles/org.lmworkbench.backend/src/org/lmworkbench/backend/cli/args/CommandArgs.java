package org.lmworkbench.backend.cli.args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed arguments of one backend subcommand: positional arguments, flags and {@code --name value}
 * options, with typed access to option values. {@code --help} and {@code -h} are always recognised
 * ({@link #help()}). Problems are {@link CommandArgsException}s whose wording follows the
 * {@link Style} of the command, so that every command keeps its established messages.
 */
public final class CommandArgs {

    /** How a command spells its argument errors and which conveniences it accepts. */
    public enum Style {
        /**
         * {@code run}, {@code sweep}, {@code resume}: {@code --name=value} is accepted, a repeated
         * option keeps the last value, messages read {@code option --x needs a value} and
         * {@code unknown option --x}.
         */
        BACKEND,
        /**
         * {@code similarity}, {@code diagnostics} and friends: {@code --name=value} is accepted, a
         * repeated option is an error, unknown options list the known ones, and every message starts
         * with {@code <command>: }.
         */
        ANALYSIS,
        /**
         * {@code hessian}: options are {@code --name value} only (so {@code --x=1} is an unknown
         * option), a repeated option keeps the last value, messages read {@code --x needs a value}.
         */
        HESSIAN
    }

    private final Style style;
    private final String prefix;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;

    private CommandArgs(Style style, String command) {
        this.style = style;
        this.prefix = style == Style.ANALYSIS ? command + ": " : "";
    }

    /**
     * Parses {@code args}.
     *
     * @param args    the words after the command name
     * @param style   wording and syntax of the command
     * @param command the command name (used in {@link Style#ANALYSIS} messages)
     * @param valued  option names without dashes that take a value
     * @param flags   option names without dashes that take no value ({@code help} is implicit)
     * @return the parsed arguments
     * @throws CommandArgsException for an unknown or repeated option or a missing value
     */
    public static CommandArgs parse(String[] args, Style style, String command, Set<String> valued,
            Set<String> flags) {
        CommandArgs parsed = new CommandArgs(style, command);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                parsed.help = true;
                continue;
            }
            if (!a.startsWith("--")) {
                parsed.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = style == Style.HESSIAN ? -1 : name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (style == Style.BACKEND && name.equals("help")) {
                parsed.help = true;
            } else if (flags.contains(name)) {
                parsed.store(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw parsed.problem(parsed.option(name) + " needs a value");
                    }
                    value = args[++i];
                }
                parsed.store(name, value);
            } else if (style == Style.ANALYSIS) {
                List<String> known = new ArrayList<>(valued);
                known.addAll(flags);
                throw parsed.problem("unknown option --" + name + " (options: --"
                        + String.join(", --", known.stream().sorted().toList()) + ")");
            } else {
                throw parsed.problem("unknown option --" + name);
            }
        }
        return parsed;
    }

    private void store(String name, String value) {
        if (values.put(name, value) != null && style == Style.ANALYSIS) {
            throw problem("--" + name + " given twice");
        }
    }

    private String option(String name) {
        return (style == Style.BACKEND ? "option --" : "--") + name;
    }

    private CommandArgsException problem(String message) {
        return new CommandArgsException(prefix + message);
    }

    /** True if {@code --help} or {@code -h} was given. */
    public boolean help() {
        return help;
    }

    /** Positional arguments in order. */
    public List<String> positional() {
        return positional;
    }

    /** True if the option or flag was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of an option ({@code "true"} for a flag), or null. */
    public String get(String name) {
        return values.get(name);
    }

    /**
     * The value of a required option.
     *
     * @throws CommandArgsException if it is absent or blank
     */
    public String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw problem("--" + name + " is required (see --help)");
        }
        return v;
    }

    /** A comma-separated list option (items trimmed, empty items dropped), empty if absent. */
    public List<String> list(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * An {@code int} option without bounds, or {@code fallback} when absent.
     *
     * @throws CommandArgsException if the value is not a whole number
     */
    public Integer integer(String name, Integer fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(style == Style.ANALYSIS ? v.trim() : v);
        } catch (NumberFormatException e) {
            throw problem(wholeNumberMessage(name, v));
        }
    }

    /**
     * A whole-number option of at least {@code minimum}, or {@code fallback} when absent (the
     * fallback is not checked against the bound).
     *
     * @throws CommandArgsException if the value is not a whole number or is below {@code minimum}
     */
    public long number(String name, long fallback, long minimum) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(style == Style.ANALYSIS ? v.trim() : v);
        } catch (NumberFormatException e) {
            throw problem(style == Style.ANALYSIS ? atLeastMessage(name, v, minimum) : wholeNumberMessage(name, v));
        }
        if (n < minimum) {
            throw problem(atLeastMessage(name, v, minimum));
        }
        return n;
    }

    /**
     * A finite positive number option, or {@code fallback} when absent.
     *
     * @throws CommandArgsException if the value is not a number or not finite and positive
     */
    public double positive(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(style == Style.ANALYSIS ? v.trim() : v);
        } catch (NumberFormatException e) {
            throw problem("--" + name + " needs a number, got '" + v + "'");
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw problem("--" + name + " must be a positive number, got " + v);
        }
        return d;
    }

    private String wholeNumberMessage(String name, String v) {
        return style == Style.BACKEND ? option(name) + " needs a whole number, not '" + v + "'"
                : "--" + name + " needs a whole number, got '" + v + "'";
    }

    private String atLeastMessage(String name, String v, long minimum) {
        return style == Style.ANALYSIS ? "--" + name + " must be an integer >= " + minimum + ", not '" + v + "'"
                : "--" + name + " must be at least " + minimum + ", got " + v;
    }
}

package org.lmworkbench.core.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The one option parser of the command line: picocli, filling an object whose fields carry
 * {@code @Option} and {@code @Parameters} annotations. Every command therefore accepts
 * {@code --name value} and {@code --name=value}, {@code -h} and {@code --help}, and reports every
 * problem in picocli's one wording, which names the option: {@code unknown option: '--x'},
 * {@code unexpected argument: 'x'},
 * {@code missing required parameter for option '--out' (<dir>)}, {@code invalid value for option
 * '--threads': 'two' is not a whole number}, {@code option '--out' (<dir>) should be specified only
 * once}. The checks of values that picocli cannot express are here too, worded the same way.
 */
public final class CommandArguments {

    private CommandArguments() {
    }

    /**
     * Parses {@code args} into {@code options}.
     *
     * @param command the command name
     * @param options an object with picocli-annotated fields, filled in place
     * @param args    the words after the command name
     * @return true if {@code -h} or {@code --help} was given (the other words are then not checked)
     * @throws ArgumentException naming the option at fault
     */
    public static boolean parse(String command, Object options, String[] args) throws ArgumentException {
        if (Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
            return true;
        }
        CommandSpec spec = CommandSpec.forAnnotatedObject(options);
        spec.name(command);
        CommandLine line = new CommandLine(spec);
        line.setExpandAtFiles(false);
        line.registerConverter(Integer.class, CommandArguments::wholeNumber);
        line.registerConverter(Integer.TYPE, CommandArguments::wholeNumber);
        line.registerConverter(Long.class, CommandArguments::longNumber);
        line.registerConverter(Long.TYPE, CommandArguments::longNumber);
        line.registerConverter(Double.class, CommandArguments::number);
        line.registerConverter(Double.TYPE, CommandArguments::number);
        // Unknown words are collected rather than thrown, so that they are reported before a missing
        // required option: a misspelt option is the cause, the missing one only its consequence.
        line.setUnmatchedArgumentsAllowed(true);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            unmatched(line);
            throw new ArgumentException(lowerFirst(e.getMessage()));
        }
        unmatched(line);
        return false;
    }

    /** The first word picocli could not place; a value after an unknown option is not reported as well. */
    private static void unmatched(CommandLine line) throws ArgumentException {
        List<String> words = line.getUnmatchedArguments();
        if (!words.isEmpty()) {
            String first = words.get(0);
            throw new ArgumentException(first.startsWith("-") ? "unknown option: '" + first + "'"
                    : "unexpected argument: '" + first + "'");
        }
    }

    private static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static Long longNumber(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    private static Double number(String value) {
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
    }

    /**
     * Checks a whole-number option against its smallest value.
     *
     * @return the value
     * @throws ArgumentException {@code invalid value for option '--x': must be at least m, got v}
     */
    public static long atLeast(String option, long value, long minimum) throws ArgumentException {
        if (value < minimum) {
            throw invalid(option, "must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    /**
     * Checks that a number option is finite and positive.
     *
     * @return the value
     * @throws ArgumentException {@code invalid value for option '--x': must be a positive number, got v}
     */
    public static double positive(String option, double value) throws ArgumentException {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(option, "must be a positive number, got " + value);
        }
        return value;
    }

    /**
     * Checks an option naming a file to write, before any work is done: it must not be a folder,
     * and no folder on its way may be a file.
     *
     * @return the path
     * @throws ArgumentException {@code invalid value for option '--out': '<path>' is a folder; ...}
     */
    public static Path outputFile(String option, String value) throws ArgumentException {
        Path file = Path.of(value);
        if (Files.isDirectory(file)) {
            throw invalid(option, "'" + value + "' is a folder; name a file to write, such as '"
                    + file.resolve("result.json") + "'");
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw invalid(option, "'" + value + "' cannot be created: '" + p + "' is a file, not a folder");
            }
        }
        return file;
    }

    /** {@code invalid value for option '--x': <problem>}, picocli's wording for a bad value. */
    public static ArgumentException invalid(String option, String problem) {
        return new ArgumentException("invalid value for option '" + option + "': " + problem);
    }

    /** A comma-separated list: items trimmed, empty ones dropped; empty for null. */
    public static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String lowerFirst(String message) {
        String first = String.valueOf(message).lines().findFirst().orElse("");
        return first.isEmpty() ? first : first.substring(0, 1).toLowerCase(Locale.ROOT) + first.substring(1);
    }
}

package org.lmworkbench.core.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A command whose options {@link CommandArguments} parses into a fresh object per execution. It
 * owns the behaviour every command shares: {@code --help} prints {@link #usage()}; invalid input is
 * one line {@code <command>: <problem>} (plus a pointer to {@code --help} when the arguments are
 * wrong) and exit code 2; an I/O failure or exhausted memory is one line and exit code 1; anything
 * else is an internal error with its stack trace and exit code 1.
 *
 * @param <O> the class of the options object, its fields annotated for picocli
 */
public abstract class OptionsCommand<O> implements BackendCommand {

    private final String name;
    private final String synopsis;
    private final String summary;
    private final String usage;
    private final Supplier<O> options;

    /**
     * @param name     the command word
     * @param synopsis the essential arguments, for the command list
     * @param summary  what the command does, in one line
     * @param usage    the full help text
     * @param options  makes a fresh object to receive the options of one execution
     */
    protected OptionsCommand(String name, String synopsis, String summary, String usage, Supplier<O> options) {
        this.name = name;
        this.synopsis = synopsis;
        this.summary = summary;
        this.usage = usage;
        this.options = options;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String synopsis() {
        return synopsis;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String usage() {
        return usage;
    }

    /**
     * Does the work.
     *
     * @param options the parsed options
     * @param out     receives results
     * @param err     receives warnings and problems
     * @return the exit code
     * @throws UsageException for invalid input
     * @throws IOException    for an I/O failure outside the user's control
     */
    protected abstract int run(O options, PrintStream out, PrintStream err) throws UsageException, IOException;

    @Override
    public final int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            O parsed = options.get();
            if (CommandArguments.parse(name, parsed, args)) {
                out.println(usage);
                return ExitCodes.OK;
            }
            return run(parsed, out, err);
        } catch (ArgumentException e) {
            err.println(name() + ": " + e.getMessage());
            err.println("run 'lmw " + name() + " --help' for usage");
            return ExitCodes.INVALID_INPUT;
        } catch (UsageException e) {
            err.println(name() + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println(name() + ": " + describe(e));
            return ExitCodes.INTERNAL;
        } catch (OutOfMemoryError e) {
            err.println(name() + ": out of memory (" + e.getMessage() + "; the maximum heap is "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); give the JVM more memory or make the work"
                    + " smaller");
            return ExitCodes.INTERNAL;
        } catch (RuntimeException | Error e) {
            err.println(name() + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        }
    }

    /** An I/O failure in words: the file and what went wrong with it, without Java's class names. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String what = switch (f) {
                case NoSuchFileException n -> "no such file or folder";
                case AccessDeniedException a -> "permission denied";
                case FileAlreadyExistsException a -> "exists already (and is in the way)";
                case DirectoryNotEmptyException d -> "is a folder that is not empty";
                case NotDirectoryException n -> "is not a folder";
                default -> f.getReason() != null ? f.getReason() : "cannot be read or written";
            };
            return "cannot read or write " + f.getFile() + ": " + what;
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
}

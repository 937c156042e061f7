package org.lmworkbench.core.slurm;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotes words for a POSIX shell, for the two places where a command line is text: a batch script,
 * and the one remote command line that a prefix such as {@code ssh login-host} passes on.
 */
public final class ShellWords {

    /** Words made only of these characters mean the same quoted or not; leaving them bare keeps logs readable. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    /**
     * One word as the shell must see it: bare when it is safe, otherwise in single quotes, where
     * nothing is special except the single quote itself, written as {@code '\''}.
     */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by single spaces. */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(quote(w));
        }
        return b.toString();
    }
}

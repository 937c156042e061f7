package org.lmworkbench.workspace.preferences;

import java.io.File;
import java.util.regex.Pattern;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * The checks behind the preference page, kept apart from the widgets: each returns null for a
 * usable value or the message to show, which names the setting and what is wrong with it.
 */
public final class PreferenceInputs {

    /** The same syntax as a spec's {@code execution.jvm_memory}, so a value works in both places. */
    static final Pattern MEMORY = SpecSchema.field("execution.jvm_memory").pattern();

    /** More intra-op threads than this is a typo, not a machine. */
    public static final int MAX_THREADS = 1024;

    private PreferenceInputs() {
    }

    /** Threads: empty or 0 (the spec decides) up to {@link #MAX_THREADS}. */
    public static String checkThreads(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(t);
            return n >= 0 && n <= MAX_THREADS ? null : NLS.bind(Messages.PreferenceInputs_threads, t, MAX_THREADS);
        } catch (NumberFormatException e) {
            return NLS.bind(Messages.PreferenceInputs_threads, t, MAX_THREADS);
        }
    }

    /** JVM memory: empty (the JVM's own default) or a size such as {@code 2g} or {@code 512m}. */
    public static String checkMemory(String text) {
        String t = text.trim();
        return t.isEmpty() || MEMORY.matcher(t).matches() ? null : NLS.bind(Messages.PreferenceInputs_memory, t);
    }

    /** Java executable: empty (the workbench's own Java) or an existing executable file. */
    public static String checkJava(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        File file = new File(t);
        if (!file.isAbsolute()) {
            return NLS.bind(Messages.PreferenceInputs_javaNotAbsolute, t);
        }
        if (!file.isFile()) {
            return NLS.bind(Messages.PreferenceInputs_javaMissing, t);
        }
        if (!file.canExecute()) {
            return NLS.bind(Messages.PreferenceInputs_javaNotExecutable, t);
        }
        return null;
    }

    /**
     * DJL cache: empty (DJL's default) or an absolute path that is a folder or can become one (DJL
     * creates it), i.e. nothing on the way is a file.
     */
    public static String checkCacheFolder(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        File folder = new File(t);
        if (!folder.isAbsolute()) {
            return NLS.bind(Messages.PreferenceInputs_cacheNotAbsolute, t);
        }
        File existing = folder;
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        if (existing == null || !existing.isDirectory()) {
            return NLS.bind(Messages.PreferenceInputs_cacheNotFolder, t);
        }
        return null;
    }
}

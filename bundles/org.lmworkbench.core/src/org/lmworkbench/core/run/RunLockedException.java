package org.lmworkbench.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run folder is trained by another process, which holds its {@link RunLock}: the message names
 * that process, so the user knows whom to wait for or stop.
 */
public class RunLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient RunLock.Owner owner;

    /**
     * @param lockFile the {@code .lock} file
     * @param owner    the recorded owner, or null if the owner has not written itself down yet
     */
    public RunLockedException(Path lockFile, RunLock.Owner owner) {
        super(lockFile.getParent() + ": is being trained by " + (owner == null ? "another process" : owner)
                + "; wait for it to end or stop it, then resume");
        this.owner = owner;
    }

    /** The process that holds the lock, if it has written itself down. */
    public Optional<RunLock.Owner> owner() {
        return Optional.ofNullable(owner);
    }
}

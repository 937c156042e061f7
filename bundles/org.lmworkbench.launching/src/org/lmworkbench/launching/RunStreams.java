package org.lmworkbench.launching;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IFlushableStreamMonitor;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * The Console streams of one run trained in a backend worker: its output arrives line by line from
 * the worker's events instead of from a process's pipes, and is kept until the Console has connected
 * (the Console then takes what was buffered and listens for the rest). Input to a run is ignored.
 */
final class RunStreams implements IStreamsProxy {

    /** One stream: buffered text and the listeners told of every appended piece. */
    static final class Monitor implements IFlushableStreamMonitor {
        private final ListenerList<IStreamListener> listeners = new ListenerList<>();
        private final StringBuilder contents = new StringBuilder();
        private boolean buffered = true;

        @Override
        public void addListener(IStreamListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(IStreamListener listener) {
            listeners.remove(listener);
        }

        @Override
        public synchronized String getContents() {
            return contents.toString();
        }

        @Override
        public synchronized void flushContents() {
            contents.setLength(0);
        }

        @Override
        public synchronized void setBuffered(boolean buffer) {
            buffered = buffer;
        }

        @Override
        public synchronized boolean isBuffered() {
            return buffered;
        }

        /**
         * Adds text. Listeners are told while this monitor is locked: the Console locks it too when it
         * takes the buffered text, so no piece is lost or shown twice.
         */
        synchronized void append(String text) {
            if (buffered) {
                contents.append(text);
            }
            for (IStreamListener listener : listeners) {
                listener.streamAppended(text, this);
            }
        }
    }

    private final Monitor out = new Monitor();
    private final Monitor err = new Monitor();

    @Override
    public IStreamMonitor getOutputStreamMonitor() {
        return out;
    }

    @Override
    public IStreamMonitor getErrorStreamMonitor() {
        return err;
    }

    /** A run takes no input. */
    @Override
    public void write(String input) {
        // ignored
    }

    /** Appends one line to the output or the error stream. */
    void line(boolean error, String text) {
        (error ? err : out).append(text + System.lineSeparator());
    }
}

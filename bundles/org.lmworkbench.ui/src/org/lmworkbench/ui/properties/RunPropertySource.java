package org.lmworkbench.ui.properties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.lmworkbench.core.cluster.SchedulerSnapshot;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.navigator.RunElement.RunStatusSnapshot;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.navigator.RunLabels;
import org.lmworkbench.workspace.runs.LossFormat;

/**
 * The Properties view of a run: its status (state, steps, loss, times, message), where it ran
 * (device, threads, process), the software versions, and every key of its resolved spec. Values
 * are read-only text; a run's files are the record, and editing them here would falsify it.
 * <p>
 * The values are captured when the source is created, so the view shows one consistent reading
 * even while the backend keeps rewriting status.json; selecting the run again re-reads it.
 */
public final class RunPropertySource implements IPropertySource {

    /** Property ids; public so tests and other views can ask for single values. */
    public static final String STATE = "status.state";
    /** Id of "last step / total steps". */
    public static final String STEPS = "status.steps";
    /** Id of the last training loss. */
    public static final String LOSS = "status.loss";
    /** Id of the start time. */
    public static final String STARTED = "status.started";
    /** Id of the end time. */
    public static final String ENDED = "status.ended";
    /** Id of the status message. */
    public static final String MESSAGE = "status.message";
    /** Id of the device. */
    public static final String DEVICE = "execution.device";
    /** Id of the thread count. */
    public static final String THREADS = "execution.threads";
    /** Id of the backend process id. */
    public static final String PID = "execution.pid";
    /** Id of the Slurm job and array index that train the run. */
    public static final String JOB = "execution.job";
    /** Id of the scheduler's last answer about the run's task, with its time. */
    public static final String SCHEDULER = "execution.scheduler";
    /** Id of the backend version. */
    public static final String BACKEND_VERSION = "versions.backend";
    /** Id of the DJL version. */
    public static final String DJL_VERSION = "versions.djl";
    /** Id of the libtorch version. */
    public static final String LIBTORCH_VERSION = "versions.libtorch";
    /** Prefix of the ids of spec keys: {@code spec.} followed by the dotted key. */
    public static final String SPEC_PREFIX = "spec.";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<IPropertyDescriptor> descriptors = new ArrayList<>();

    /** Reads the run's status and spec now. */
    public RunPropertySource(RunElement run) {
        RunStatusSnapshot snapshot = run.status();
        if (snapshot.hasStatus()) {
            addStatus(snapshot.status());
            if (snapshot.status().job() != null) {
                String category = Messages.RunProperties_categoryExecution;
                add(JOB, Messages.RunProperties_job, category, snapshot.status().job().taskId());
                SchedulerSnapshot said = snapshot.scheduled().snapshot();
                add(SCHEDULER, Messages.RunProperties_scheduler, category, said == null ? null
                        : NLS.bind(Messages.RunProperties_schedulerValue, new Object[] {said.state().name(),
                            said.reason().isEmpty() ? "" : " (" + said.reason() + ")", time(said.checked())}));
            }
        } else {
            add(STATE, Messages.RunProperties_state, Messages.RunProperties_categoryStatus, RunLabels.details(snapshot));
        }
        RunSpecProperties.read(run).forEach((key, value) ->
                add(SPEC_PREFIX + key, key, Messages.RunProperties_categorySpec, value));
    }

    private void addStatus(RunStatus status) {
        String category = Messages.RunProperties_categoryStatus;
        add(STATE, Messages.RunProperties_state, category, status.state().jsonName());
        add(STEPS, Messages.RunProperties_steps, category, status.lastStep() + " / " + status.totalSteps());
        add(LOSS, Messages.RunProperties_loss, category, status.lastLoss() == null ? null : LossFormat.format(status.lastLoss()));
        add(STARTED, Messages.RunProperties_started, category, time(status.started()));
        add(ENDED, Messages.RunProperties_ended, category, time(status.ended()));
        add(MESSAGE, Messages.RunProperties_message, category, status.message());

        category = Messages.RunProperties_categoryExecution;
        add(DEVICE, Messages.RunProperties_device, category, status.device());
        add(THREADS, Messages.RunProperties_threads, category, status.threads());
        add(PID, Messages.RunProperties_pid, category, status.pid());

        category = Messages.RunProperties_categoryVersions;
        add(BACKEND_VERSION, Messages.RunProperties_backend, category, status.backendVersion());
        add(DJL_VERSION, Messages.RunProperties_djl, category, status.djlVersion());
        add(LIBTORCH_VERSION, Messages.RunProperties_libtorch, category, status.libtorchVersion());
    }

    private void add(String id, String label, String category, Object value) {
        PropertyDescriptor descriptor = new PropertyDescriptor(id, label);
        descriptor.setCategory(category);
        descriptor.setAlwaysIncompatible(true); // a run's values never make sense for several runs at once
        descriptors.add(descriptor);
        // Absent values show as empty cells rather than "null".
        values.put(id, value == null ? "" : String.valueOf(value));
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Override
    public Object getEditableValue() {
        return this;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return descriptors.toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        return values.get(id);
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // read-only
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        // read-only: the run's files are the record of what happened
    }
}

package org.lmworkbench.ui.properties;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;
import org.lmworkbench.core.cluster.SchedulerSnapshot;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.tensorboard.ImportRecord;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.navigator.RunElement.RunStatusSnapshot;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.navigator.RunLabels;
import org.lmworkbench.ui.runs.RunMetaEdits;
import org.lmworkbench.workspace.runs.LossFormat;

/**
 * The Properties view of a run: what the user says about it (display name, tags, notes: the only
 * values that can be edited here, kept in meta.json), its status (state, steps, loss, times,
 * message), where it ran (device, threads, process), the software versions, and every key of its
 * resolved spec, or for an imported run where it came from (import.json). The run's own files are
 * the record of what happened and are never changed here.
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
    /** Id of the display name (editable). */
    public static final String NAME = "meta.name";
    /** Id of the tags as a comma list (editable). */
    public static final String TAGS = "meta.tags";
    /** Id of the notes (editable). */
    public static final String NOTES = "meta.notes";
    /** Prefix of the ids of import.json values. */
    public static final String IMPORT_PREFIX = "import.";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<IPropertyDescriptor> descriptors = new ArrayList<>();
    private final RunElement run;

    /** Reads the run's meta, status and spec (or import record) now. */
    public RunPropertySource(RunElement run) {
        this.run = run;
        addMeta();
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
        addImport();
    }

    private void addMeta() {
        RunMeta meta;
        String category = Messages.RunProperties_categoryRun;
        try {
            meta = run.runDirectory() == null ? RunMeta.EMPTY : run.runDirectory().readMeta();
        } catch (IOException e) {
            add(NAME, Messages.RunProperties_name, category, e.getMessage());
            return; // a damaged meta.json is shown, not overwritten by an edit here
        }
        TextPropertyDescriptor name = new TextPropertyDescriptor(NAME, Messages.RunProperties_name);
        name.setValidator(value -> RunMetaEdits.nameProblem(String.valueOf(value)));
        name.setDescription(Messages.RunProperties_nameDescription);
        addEditable(name, category, meta.name() == null ? "" : meta.name());
        TextPropertyDescriptor tags = new TextPropertyDescriptor(TAGS, Messages.RunProperties_tags);
        tags.setValidator(value -> RunMetaEdits.tagsProblem(String.valueOf(value)));
        tags.setDescription(Messages.RunProperties_tagsDescription);
        addEditable(tags, category, meta.tagList());
        NotesPropertyDescriptor notes = new NotesPropertyDescriptor(NOTES, Messages.RunProperties_notes);
        notes.setLabelProvider(new org.eclipse.jface.viewers.LabelProvider() {
            @Override
            public String getText(Object element) {
                String text = String.valueOf(element);
                int newline = text.indexOf('\n');
                return newline < 0 ? text : text.substring(0, newline) + " \u2026";
            }
        });
        addEditable(notes, category, meta.notes() == null ? "" : meta.notes());
    }

    private void addEditable(PropertyDescriptor descriptor, String category, String value) {
        descriptor.setCategory(category);
        descriptor.setAlwaysIncompatible(true);
        descriptors.add(descriptor);
        values.put((String) descriptor.getId(), value);
    }

    /** An imported run says where it came from instead of a spec. */
    private void addImport() {
        RunDirectory dir = run.runDirectory();
        if (dir == null || !Files.isRegularFile(dir.path().resolve(ImportRecord.FILE))) {
            return;
        }
        String category = Messages.RunProperties_categoryImport;
        try {
            ImportRecord r = ImportRecord.read(dir.path());
            add(IMPORT_PREFIX + "format", Messages.RunProperties_importFormat, category, r.format());
            add(IMPORT_PREFIX + "source", Messages.RunProperties_importSource, category, r.source());
            add(IMPORT_PREFIX + "imported", Messages.RunProperties_importTime, category, r.imported());
            add(IMPORT_PREFIX + "files", Messages.RunProperties_importFiles, category, r.files().size());
            add(IMPORT_PREFIX + "points", Messages.RunProperties_importPoints, category,
                    r.points() + " / " + r.steps());
            r.metrics().forEach((tag, metric) -> add(IMPORT_PREFIX + "metric." + tag, tag, category, metric));
            if (!r.skipped().isEmpty()) {
                add(IMPORT_PREFIX + "skipped", Messages.RunProperties_importSkipped, category, r.skipped());
            }
        } catch (IOException e) {
            add(IMPORT_PREFIX + "error", Messages.RunProperties_importFormat, category, e.getMessage());
        }
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

    /** Writes the name, tags or notes to meta.json; every other value is the run's record and stays. */
    @Override
    public void setPropertyValue(Object id, Object value) {
        RunDirectory dir = run.runDirectory();
        if (dir == null || value == null || !(NAME.equals(id) || TAGS.equals(id) || NOTES.equals(id))) {
            return;
        }
        String text = String.valueOf(value);
        try {
            if (NAME.equals(id)) {
                RunMetaEdits.rename(dir.path(), text);
            } else if (TAGS.equals(id)) {
                RunMetaEdits.setTags(dir.path(), text);
            } else {
                RunMetaEdits.setNotes(dir.path(), text);
            }
            values.put((String) id, text);
        } catch (IOException | IllegalArgumentException e) {
            org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
            MessageDialog.openError(display == null ? null : display.getActiveShell(), Messages.RunProperties_editFailed,
                    e.getMessage());
        }
    }
}

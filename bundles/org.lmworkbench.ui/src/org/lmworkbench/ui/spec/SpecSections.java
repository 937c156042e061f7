package org.lmworkbench.ui.spec;

import java.util.List;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * How the schema's fields are grouped on the form and on the launch tabs. The groups follow the
 * spec's own sections except Optimization, which puts the optimizer, its schedule and the training
 * loop together because they are tuned together; every field of the schema is in exactly one group.
 */
public enum SpecSections {

    /** name, description and seed. */
    GENERAL(Messages.SpecSections_general, Messages.SpecSections_generalDescription, ""),
    /** The network. */
    MODEL(Messages.SpecSections_model, Messages.SpecSections_modelDescription, "model"),
    /** The training data. */
    DATA(Messages.SpecSections_data, Messages.SpecSections_dataDescription, "data"),
    /** Optimizer, schedule and training loop. */
    OPTIMIZATION(Messages.SpecSections_optimization, Messages.SpecSections_optimizationDescription, "optimizer", "training"),
    /** Measurements during training. */
    PROBES(Messages.SpecSections_probes, Messages.SpecSections_probesDescription, "probes"),
    /** Device, threads, parallel runs, JVM memory, target and Slurm resources. */
    EXECUTION(Messages.SpecSections_execution, Messages.SpecSections_executionDescription, "execution");

    private final String title;
    private final String description;
    private final List<String> prefixes;

    SpecSections(String title, String description, String... prefixes) {
        this.title = title;
        this.description = description;
        this.prefixes = List.of(prefixes);
    }

    /** The section title shown to users. */
    public String title() {
        return title;
    }

    /** One sentence under the title. */
    public String description() {
        return description;
    }

    /** The dotted keys of this group in schema order. */
    public List<String> keys() {
        return SpecSchema.fields().stream().map(SpecSchema.Field::key).filter(this::contains).toList();
    }

    /** True if the dotted key belongs to this group. */
    public boolean contains(String key) {
        String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : "";
        return prefixes.contains(top);
    }

    /** The group of a dotted key, or null for keys that are not fields. */
    public static SpecSections of(String key) {
        if (!SpecSchema.isField(key)) {
            return null;
        }
        for (SpecSections section : values()) {
            if (section.contains(key)) {
                return section;
            }
        }
        return null;
    }
}

package org.lmworkbench.ui.spec;

import java.util.Locale;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * Makes the widget for a schema entry from its kind: a read-only combo for enums, an editable combo
 * for the batch size ("full" or a number), a check box for booleans and a text box for everything
 * else. Labels come from the keys, so a field added to the schema appears without UI work.
 */
public final class SchemaFieldFactory {

    private SchemaFieldFactory() {
    }

    /** An uncreated field for the dotted key. */
    public static SpecField field(String key) {
        SpecSchema.Field field = SpecSchema.field(key);
        if (field == null) {
            throw new IllegalArgumentException("'" + key + "' is not a spec field");
        }
        return switch (field.kind()) {
            case ENUM, INT_OR_FULL -> new ChoiceSpecField(field);
            case BOOLEAN -> new BooleanSpecField(field);
            case INT, NUMBER, STRING, STRING_LIST -> new TextSpecField(field);
        };
    }

    /**
     * The label of a key: its words after the section, capitalised ("probes.sharpness.top_k" gives
     * "Sharpness top k"); a few abbreviations (lr, n_train) are spelt out.
     */
    public static String label(String key) {
        String named = switch (key) {
            case "optimizer.name" -> Messages.SchemaFieldFactory_optimizerName;
            case "optimizer.lr" -> Messages.SchemaFieldFactory_learningRate;
            case "data.n_train" -> Messages.SchemaFieldFactory_trainExamples;
            case "data.n_test" -> Messages.SchemaFieldFactory_testExamples;
            case "execution.jvm_memory" -> Messages.SchemaFieldFactory_jvmMemory;
            default -> null;
        };
        if (named != null) {
            return named;
        }
        String words = (key.contains(".") ? key.substring(key.indexOf('.') + 1) : key).replace('.', ' ').replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

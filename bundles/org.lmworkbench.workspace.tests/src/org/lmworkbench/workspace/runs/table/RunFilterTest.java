package org.lmworkbench.workspace.runs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;

/** Filter expressions: what they keep, and where they are wrong when they are. */
class RunFilterTest {

    @TempDir
    Path project;

    private List<RunSummary> runs;

    @BeforeEach
    void makeRuns() throws IOException {
        RunDirectory a = TableRuns.run(project, "w-000", "w", 32, 0, 2.0, 1.0);
        RunDirectory b = TableRuns.run(project, "w-001", "w", 64, 0, 2.0, 0.5);
        RunDirectory c = TableRuns.run(project, "w-002", "w", 128, 1, 2.0, 0.25);
        RunDirectory d = TableRuns.run(project, "w-003", "w", 128, 2, 2.0, Double.NaN);
        d.writeStatus(d.readStatus().withState(RunState.DIVERGED));
        TableRuns.tag(b, "baseline", "eos");
        TableRuns.tag(c, "Baseline");
        c.writeMeta(c.readMeta().withName("wide (retry)"));
        runs = new RunSummaries().read(List.of(a.path(), b.path(), c.path(), d.path()));
    }

    private List<String> keep(String expression) throws FilterException {
        return RunFilter.parse(expression, runs).apply(runs).stream().map(RunSummary::id).toList();
    }

    @Test
    void comparisonsOfStateSpecKeysMetricsAndTags() throws FilterException {
        assertEquals(List.of("w-000", "w-001", "w-002", "w-003"), keep(""));
        assertEquals(List.of("w-001", "w-002"), keep("state=completed and model.width>=64"));
        assertEquals(List.of("w-001", "w-002"), keep("STATE = Completed AND width >= 64"), "keywords and text ignore case; "
                + "a key's last part names it when only one key ends so");
        assertEquals(List.of("w-003"), keep("state != completed"));
        assertEquals(List.of("w-000", "w-003"), keep("not tag:baseline"));
        assertEquals(List.of("w-001"), keep("tag:eos"));
        assertEquals(List.of("w-000", "w-002"), keep("model.width=32 or (width=128 and seed=1)"));
        assertEquals(List.of("w-001", "w-002"), keep("train_loss < 0.75"), "a metric is its final value; NaN fails");
        assertEquals(List.of("w-000", "w-001", "w-002"), keep("best(train_loss)<=1"));
        assertEquals(List.of("w-003"), keep("min(train_loss) = 2 and max(train_loss)=2"));
        assertEquals(List.of("w-002"), keep("name ~ 'retry'"));
        assertEquals(List.of("w-001", "w-002"), keep("tags~base"));
        assertEquals(List.of("w-002", "w-003"), keep("id~\"w-00[23]\""));
        assertEquals(List.of("w-000", "w-001", "w-002", "w-003"), keep("device=cpu and steps=10 and duration>=60"));
        assertEquals(List.of("w-000", "w-001", "w-002", "w-003"), keep("notes != x"), "no notes: only != holds");
        assertEquals(List.of("w-003"), keep("spec.optimizer.lr = 0.1 and final(train_loss) != 0.25 and seed > 1"));
        assertEquals(List.of("w-000"), keep("optimizer.lr=1e-1 and width<4.5e1"));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertError("widht>=64", 0, "unknown name 'widht'");
        assertError("state=completed and", 19, "expected a comparison at the end");
        assertError("state completed", 6, "expected an operator");
        assertError("(state=completed", 16, "expected ')'");
        assertError("state=", 6, "expected a value");
        assertError("name ~ '(a'", 10, "not a regular expression"); // where the pattern ends unclosed
        assertError("name = 'open", 7, "the quote is not closed");
        assertError("state ! completed", 6, "'!' must be followed by '='");
        assertError("min(nothing) > 1", 4, "no run has the metric 'nothing'");
        assertError("state=completed seed=1", 16, "expected 'and', 'or' or the end");
    }

    private void assertError(String expression, int position, String problem) {
        FilterException e = assertThrows(FilterException.class, () -> RunFilter.parse(expression, runs), expression);
        assertTrue(e.problem().startsWith(problem), expression + ": " + e.getMessage());
        assertEquals(position, e.position(), expression + ": " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(column " + (position + 1) + ")"), e.getMessage());
    }
}

package org.lmworkbench.workspace.runs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;

/**
 * Puts runs into the groups that become lines of the chart, and names each group by the spec keys
 * that tell it apart from the others ({@code "width=64, lr=0.1"}). A run id is a label only when no
 * spec key distinguishes the runs (one run, or runs of identical specs).
 */
public final class RunGrouping {

    /**
     * One line of the chart.
     *
     * @param key     a stable identity for the line across polls (the values that define the group)
     * @param label   the legend text
     * @param members indices into the runs that were grouped, in their order
     */
    public record Group(String key, String label, List<Integer> members) {
    }

    private static final String NAME = "name";

    private RunGrouping() {
    }

    /**
     * Groups runs.
     *
     * @param ids   run ids
     * @param specs spec values of each run by dotted key (empty when the spec could not be read)
     */
    public static List<Group> group(List<String> ids, List<Map<String, Object>> specs, Grouping grouping) {
        if (ids.size() != specs.size()) {
            throw new IllegalArgumentException(ids.size() + " run ids but " + specs.size() + " specs");
        }
        List<String> varying = SpecKeys.varying(specs);
        List<String> defining = switch (grouping.mode()) {
            case EACH_RUN -> varying;
            case SEEDS -> varying.stream().filter(k -> !SpecKeys.SEED_KEYS.contains(k)).toList();
            case BY_KEY -> List.of(grouping.key());
        };
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            List<Object> values = new ArrayList<>();
            if (grouping.mode() == Grouping.Mode.EACH_RUN || specs.get(i).isEmpty()) {
                values.add(ids.get(i)); // a run without a readable spec can only stand for itself
            }
            for (String key : defining) {
                values.add(specs.get(i).get(key) instanceof Number n ? (Object) n.doubleValue() : specs.get(i).get(key));
            }
            groups.computeIfAbsent(values, v -> new ArrayList<>()).add(i);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Integer>> e : groups.entrySet()) {
            List<Integer> members = List.copyOf(e.getValue());
            out.add(new Group(Objects.toString(e.getKey()), label(ids, specs, defining, members, grouping), members));
        }
        disambiguate(out, ids);
        return out;
    }

    private static String label(List<String> ids, List<Map<String, Object>> specs, List<String> defining,
            List<Integer> members, Grouping grouping) {
        int first = members.get(0);
        String text;
        if (defining.isEmpty() || specs.get(first).isEmpty()) {
            text = members.size() == 1 ? ids.get(first) : String.valueOf(specs.get(first).getOrDefault("name",
                    ids.get(first)));
        } else {
            text = describe(specs, defining, first);
        }
        if (members.size() > 1) {
            text += " (" + count(specs, members, grouping) + ")";
        }
        return text;
    }

    /**
     * How many runs a line averages, in words: "3 seeds" when they differ by seed, "2 runs" when
     * they are repeats of one setting with one seed (re-running a spec gives such twins, and calling
     * them seeds would claim a spread over seeds the band does not show), "2 seeds, 3 runs" for both.
     */
    private static String count(List<Map<String, Object>> specs, List<Integer> members, Grouping grouping) {
        if (grouping.mode() != Grouping.Mode.SEEDS) {
            return members.size() + " runs";
        }
        Set<List<Object>> seeds = new HashSet<>();
        for (int i : members) {
            List<Object> values = new ArrayList<>();
            for (String key : SpecKeys.SEED_KEYS.stream().sorted().toList()) {
                Object v = specs.get(i).get(key);
                values.add(v instanceof Number n ? (Object) n.doubleValue() : v);
            }
            seeds.add(values);
        }
        if (seeds.size() == members.size()) {
            return members.size() + " seeds";
        }
        return seeds.size() == 1 ? members.size() + " runs" : seeds.size() + " seeds, " + members.size() + " runs";
    }

    /**
     * Runs of several specs (a project selected) differ in dozens of keys; the legend then names the
     * spec and only the keys that vary among that spec's own runs, e.g. {@code mup-transfer: width=64, lr=0.03}.
     */
    private static String describe(List<Map<String, Object>> specs, List<String> defining, int run) {
        Map<String, Object> spec = specs.get(run);
        Object name = spec.get(NAME);
        long names = specs.stream().map(s -> s.get(NAME)).filter(Objects::nonNull).distinct().count();
        if (names < 2 || name == null) {
            return SpecKeys.describe(spec, defining);
        }
        List<Map<String, Object>> siblings = specs.stream().filter(s -> name.equals(s.get(NAME))).toList();
        List<String> within = SpecKeys.varying(siblings).stream().filter(defining::contains).toList();
        return within.isEmpty() ? String.valueOf(name) : name + ": " + SpecKeys.describe(spec, within);
    }

    /** Two runs of identical specs would share a label; their ids tell them apart. */
    private static void disambiguate(List<Group> groups, List<String> ids) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        groups.forEach(g -> counts.merge(g.label(), 1, Integer::sum));
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (counts.get(g.label()) > 1 && g.members().size() == 1 && !g.label().equals(ids.get(g.members().get(0)))) {
                groups.set(i, new Group(g.key(), g.label() + " (" + ids.get(g.members().get(0)) + ")", g.members()));
            }
        }
    }
}

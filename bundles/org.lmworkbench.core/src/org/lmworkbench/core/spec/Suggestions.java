package org.lmworkbench.core.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a misspelt key was probably meant to be. */
final class Suggestions {

    /** Farther than this, a suggestion is more confusing than helpful. */
    static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The closest candidate within {@link #MAX_DISTANCE} edits; on ties the earliest candidate wins. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            // A one-letter key is "two edits" from every two-letter key; do not suggest at random.
            if (d <= MAX_DISTANCE && d < word.length() && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Appends {@code " (did you mean 'x'?)"} when there is a close candidate. */
    static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

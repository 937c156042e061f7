package org.lmworkbench.workspace.runs.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lmworkbench.workspace.runs.SpecKeys;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;

/**
 * A filter over runs, parsed from an expression such as
 * {@code state=completed and model.width>=64 and not tag:broken}.
 * <pre>
 * expression := term ('or' term)*
 * term       := factor ('and' factor)*
 * factor     := 'not' factor | '(' expression ')' | 'tag:' word | name op value
 * op         := = | != | &lt; | &lt;= | &gt; | &gt;= | ~
 * value      := number | word | "quoted" | 'quoted'
 * </pre>
 * Names: the run's {@code id}, {@code name}, {@code state}, {@code tags}, {@code notes},
 * {@code steps}, {@code duration} (seconds), {@code device}, {@code imported}; a spec key
 * ({@code model.width}, or {@code spec.<key>} where a key shares a name above, or the last part of
 * a key when only one key ends so: {@code width}); a metric, meaning its final value
 * ({@code test_loss}), or {@code final(m)}, {@code best(m)}, {@code min(m)}, {@code max(m)}.
 * Numbers compare as numbers, everything else as text ignoring case; {@code ~} finds a regular
 * expression (a plain word is a substring); {@code tag:x} is true for runs tagged x. A run without
 * the value fails every comparison except {@code !=}. Keywords are case-insensitive.
 */
public final class RunFilter implements Predicate<RunSummary> {

    /** The filter that keeps every run (an empty expression). */
    public static final RunFilter ALL = new RunFilter("", run -> true);

    private final String expression;
    private final Predicate<RunSummary> test;

    private RunFilter(String expression, Predicate<RunSummary> test) {
        this.expression = expression;
        this.test = test;
    }

    /**
     * Parses {@code expression} against the names that {@code runs} have (their spec keys and
     * metrics).
     *
     * @throws FilterException naming the problem and its position
     */
    public static RunFilter parse(String expression, Collection<RunSummary> runs) throws FilterException {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        Parser parser = new Parser(expression, Names.of(runs));
        Predicate<RunSummary> test = parser.expression();
        parser.expectEnd();
        return new RunFilter(expression.strip(), test);
    }

    @Override
    public boolean test(RunSummary run) {
        return test.test(run);
    }

    /** The expression as given (trimmed). */
    public String expression() {
        return expression;
    }

    /** True if the filter keeps every run. */
    public boolean keepsAll() {
        return expression.isEmpty();
    }

    /** The runs this filter keeps, in their order. */
    public List<RunSummary> apply(Collection<RunSummary> runs) {
        List<RunSummary> out = new ArrayList<>();
        for (RunSummary run : runs) {
            if (test(run)) {
                out.add(run);
            }
        }
        return out;
    }

    /** A token: its kind, its text (unquoted for strings) and where it starts. */
    private record Token(Kind kind, String text, int position) {
    }

    private enum Kind { WORD, STRING, OP, OPEN, CLOSE, END }

    private static final class Lexer {
        private static final String OPERATORS = "=!<>~";
        private final String text;
        private int i;

        Lexer(String text) {
            this.text = text;
        }

        Token next() throws FilterException {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            if (i >= text.length()) {
                return new Token(Kind.END, "", start);
            }
            char c = text.charAt(i);
            if (c == '(') {
                i++;
                return new Token(Kind.OPEN, "(", start);
            }
            if (c == ')') {
                i++;
                return new Token(Kind.CLOSE, ")", start);
            }
            if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new FilterException("the quote is not closed", start);
                }
                i = end + 1;
                return new Token(Kind.STRING, text.substring(start + 1, end), start);
            }
            if (OPERATORS.indexOf(c) >= 0) {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (two.equals("!=") || two.equals("<=") || two.equals(">=")) {
                    i += 2;
                    return new Token(Kind.OP, two, start);
                }
                if (c == '!') {
                    throw new FilterException("'!' must be followed by '=' (use 'not' to negate)", start);
                }
                i++;
                return new Token(Kind.OP, String.valueOf(c), start);
            }
            while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()\"'".indexOf(text.charAt(i)) < 0
                    && OPERATORS.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            return new Token(Kind.WORD, text.substring(start, i), start);
        }
    }

    private static final class Parser {
        private final Lexer lexer;
        private final Names names;
        private Token token;

        Parser(String text, Names names) throws FilterException {
            this.lexer = new Lexer(text);
            this.names = names;
            this.token = lexer.next();
        }

        private boolean keyword(String word) {
            return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(word);
        }

        private Token take() throws FilterException {
            Token t = token;
            token = lexer.next();
            return t;
        }

        void expectEnd() throws FilterException {
            if (token.kind() != Kind.END) {
                throw new FilterException("expected 'and', 'or' or the end but found '" + token.text() + "'",
                        token.position());
            }
        }

        Predicate<RunSummary> expression() throws FilterException {
            Predicate<RunSummary> left = term();
            while (keyword("or")) {
                take();
                left = left.or(term());
            }
            return left;
        }

        private Predicate<RunSummary> term() throws FilterException {
            Predicate<RunSummary> left = factor();
            while (keyword("and")) {
                take();
                left = left.and(factor());
            }
            return left;
        }

        private Predicate<RunSummary> factor() throws FilterException {
            if (keyword("not")) {
                take();
                return factor().negate();
            }
            if (token.kind() == Kind.OPEN) {
                take();
                Predicate<RunSummary> inner = expression();
                if (token.kind() != Kind.CLOSE) {
                    throw new FilterException("expected ')'", token.position());
                }
                take();
                return inner;
            }
            if (token.kind() != Kind.WORD) {
                throw new FilterException(token.kind() == Kind.END ? "expected a comparison at the end"
                        : "expected a name but found '" + token.text() + "'", token.position());
            }
            Token name = take();
            if (name.text().toLowerCase(Locale.ROOT).startsWith("tag:")) {
                String tag = name.text().substring(4);
                if (tag.isEmpty()) {
                    if (token.kind() != Kind.STRING) {
                        throw new FilterException("expected a tag after 'tag:'", token.position());
                    }
                    tag = take().text();
                }
                String wanted = tag;
                return run -> run.meta().tags().stream().anyMatch(t -> t.equalsIgnoreCase(wanted));
            }
            Function<RunSummary, Object> field = field(name);
            if (token.kind() != Kind.OP) {
                throw new FilterException(token.kind() == Kind.END ? "expected an operator after '" + name.text() + "'"
                        : "expected an operator (= != < <= > >= ~) but found '" + token.text() + "'", token.position());
            }
            Token op = take();
            if (token.kind() != Kind.WORD && token.kind() != Kind.STRING) {
                throw new FilterException("expected a value after '" + op.text() + "'", token.position());
            }
            Token value = take();
            return comparison(field, op.text(), value);
        }

        /** A name, or {@code stat(metric)} whose parts the lexer gives as word, '(', word, ')'. */
        private Function<RunSummary, Object> field(Token name) throws FilterException {
            Stat stat = Stat.of(name.text().toLowerCase(Locale.ROOT));
            if (stat != null && token.kind() == Kind.OPEN) {
                take();
                if (token.kind() != Kind.WORD) {
                    throw new FilterException("expected a metric inside " + stat.word() + "( )", token.position());
                }
                Token metric = take();
                if (token.kind() != Kind.CLOSE) {
                    throw new FilterException("expected ')'", token.position());
                }
                take();
                if (!names.metrics.contains(metric.text())) {
                    throw new FilterException("no run has the metric '" + metric.text() + "'", metric.position());
                }
                return new RunColumn.Metric(metric.text(), stat)::value;
            }
            RunColumn column = names.resolve(name);
            return column::value;
        }

        private Predicate<RunSummary> comparison(Function<RunSummary, Object> field, String op, Token value)
                throws FilterException {
            String literal = value.text();
            if (op.equals("~")) {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(literal, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                } catch (PatternSyntaxException e) {
                    throw new FilterException("not a regular expression: " + e.getDescription(),
                            value.position() + Math.max(0, e.getIndex()) + (value.kind() == Kind.STRING ? 1 : 0));
                }
                return run -> {
                    Object v = field.apply(run);
                    return !RunColumn.missing(v) && pattern.matcher(SpecKeys.format(v)).find();
                };
            }
            Double number = value.kind() == Kind.WORD ? number(literal) : null;
            return run -> compare(field.apply(run), op, literal, number);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** The literal as a number, or null for a word: {@code 64}, {@code -1e-3}, but not {@code NaN} or {@code 0x10}. */
    private static Double number(String text) {
        return NUMBER.matcher(text).matches() ? Double.parseDouble(text) : null;
    }

    private static boolean compare(Object value, String op, String literal, Double number) {
        if (RunColumn.missing(value)) {
            return op.equals("!=");
        }
        int order;
        if (value instanceof Number n) {
            if (number == null) {
                return op.equals("!=");
            }
            order = Double.compare(n.doubleValue(), number);
        } else if (value instanceof Boolean b) {
            boolean equal = String.valueOf(b).equalsIgnoreCase(literal);
            return op.equals("=") ? equal : op.equals("!=") && !equal;
        } else {
            order = String.valueOf(value).compareToIgnoreCase(literal);
        }
        return switch (op) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    /** The names an expression may use, from the runs it filters. */
    private record Names(List<String> specKeys, java.util.Set<String> metrics) {

        static Names of(Collection<RunSummary> runs) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            java.util.Set<String> metrics = new java.util.LinkedHashSet<>();
            for (RunSummary run : runs) {
                keys.addAll(run.spec().keySet());
                metrics.addAll(run.metrics().keySet());
            }
            return new Names(List.copyOf(keys), metrics);
        }

        RunColumn resolve(Token name) throws FilterException {
            String text = name.text();
            RunColumn.Builtin builtin = RunColumn.Builtin.of(text.toLowerCase(Locale.ROOT));
            if (builtin != null) {
                return builtin;
            }
            if (text.startsWith("spec.") && specKeys.contains(text.substring(5))) {
                return new RunColumn.SpecKey(text.substring(5));
            }
            if (specKeys.contains(text)) {
                return new RunColumn.SpecKey(text);
            }
            if (metrics.contains(text)) {
                return new RunColumn.Metric(text, Stat.FINAL);
            }
            List<String> endingSo = specKeys.stream().filter(k -> k.endsWith("." + text)).toList();
            if (endingSo.size() == 1) {
                return new RunColumn.SpecKey(endingSo.get(0));
            }
            if (endingSo.size() > 1) {
                throw new FilterException("'" + text + "' could be " + String.join(" or ", endingSo), name.position());
            }
            throw new FilterException("unknown name '" + text + "' (not a column, spec key or metric of these runs)",
                    name.position());
        }
    }
}

package org.lmworkbench.core.format;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with malformed JSON in the words of someone editing the file, not in the
 * JSON parser's: Jackson's "Unexpected character ('}' (code 125)): was expecting double-quote to
 * start field name" becomes "a comma before '}' (JSON allows no comma after the last member)", and
 * its advice to enable parser features such as {@code ALLOW_NON_NUMERIC_NUMBERS} becomes what JSON
 * allows instead. Gson's messages lose their troubleshooting links and leniency advice. The
 * location (line, column, JSON path) is the caller's to add; these texts never contain it.
 */
public final class JsonSyntax {

    private static final Pattern CHAR = Pattern.compile("^Unexpected character \\(('(.+?)' \\(code (\\d+)(?: / 0x[0-9a-fA-F]+)?\\)"
            + "|\\(CTRL-CHAR, code (\\d+)\\))\\)");
    private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern TOKEN = Pattern.compile("'(.*?)'");
    private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private JsonSyntax() {
    }

    /**
     * What is wrong, for the text of a Jackson parse error ({@code JsonProcessingException#getOriginalMessage}).
     *
     * @param parserMessage Jackson's message without its location
     * @return a lower-case phrase such as {@code expected ',' or '}' after a value but found '"'}
     */
    public static String describe(String parserMessage) {
        if (parserMessage == null || parserMessage.isBlank()) {
            return "unreadable JSON";
        }
        String m = parserMessage.lines().findFirst().orElse(parserMessage);
        String found = found(m);
        if (m.contains("was expecting double-quote to start field name")) {
            return switch (found) {
                case "'}'" -> "a comma before '}' (JSON allows no comma after the last member of an object)";
                case "','" -> "a comma where a key should be (two commas in a row, or one after '{')";
                case "'''" -> "keys and strings need double quotes, not single quotes";
                default -> "expected a key in double quotes but found " + found;
            };
        }
        if (m.contains("was expecting a colon to separate field name and value")) {
            return "expected ':' after the key but found " + found;
        }
        if (m.contains("was expecting comma to separate Object entries")) {
            return "expected ',' or '}' after a value but found " + found;
        }
        if (m.contains("was expecting comma to separate Array entries")) {
            return "expected ',' or ']' after an array element but found " + found;
        }
        if (m.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON";
        }
        if (m.startsWith("Non-standard token")) {
            return token(m) + " is not a JSON number (JSON has no NaN or infinity); write a finite number";
        }
        if (m.contains("does not allow numbers to have plus signs")) {
            return "a number must not start with '+'";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "a number must not start with 0 followed by more digits";
        }
        if (m.contains("Decimal point not followed by a digit")) {
            return "a decimal point must be followed by a digit";
        }
        if (m.contains("to follow minus sign")) {
            return "'-' must be followed by a digit";
        }
        if (m.contains("exponent indicator not followed by a digit")) {
            return "an exponent 'e' must be followed by a digit";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a raw " + control(m) + " inside a string; write it as an escape such as \\t or \\n";
        }
        if (m.startsWith("Illegal character") && m.contains("between tokens")) {
            return "a " + control(m) + " between values; only spaces, tabs and line breaks may stand there";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "unknown escape \\" + unquote(token(m)) + " in a string (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t"
                    + " and \\u followed by four hex digits)";
        }
        if (m.contains("expected a hex-digit for character escape sequence")) {
            return "\\u in a string must be followed by four hex digits";
        }
        if (m.contains("was expecting closing quote for a string value")) {
            return "the text ends inside a string (its closing '\"' is missing)";
        }
        if (m.contains("expected close marker for Object")) {
            return "the text ends inside an object (a '}' is missing" + opened(m) + ")";
        }
        if (m.contains("expected close marker for Array")) {
            return "the text ends inside an array (a ']' is missing" + opened(m) + ")";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON value is complete";
        }
        if (m.startsWith("Unrecognized token")) {
            return token(m) + " is not a JSON value (strings need double quotes; true, false and null are lower case)";
        }
        if (m.startsWith("Unexpected close marker")) {
            String marker = token(m);
            Matcher expected = Pattern.compile("expected '(.)'").matcher(m);
            return expected.find() ? marker + " where '" + expected.group(1) + "' should close the "
                    + (expected.group(1).equals("]") ? "array" : "object") : marker + " without a matching opening bracket";
        }
        if (m.contains("expected a valid value") || m.contains("expected a value")) {
            return "expected a value (a string in double quotes, a number, an object, an array, true, false or null)"
                    + " but found " + found;
        }
        if (m.contains("separating root-level values")) {
            return "unexpected content after the top-level value";
        }
        if (m.startsWith("Number value length")) {
            return "a number with more digits than any spec value can have";
        }
        if (m.startsWith("String value length") || m.startsWith("Name length")) {
            return "a string longer than any spec value can be";
        }
        if (m.startsWith("Document nesting depth")) {
            return "values nested far deeper than a spec can be";
        }
        if (m.startsWith("Invalid UTF-8") || m.contains("Invalid UTF")) {
            return "the text is not valid UTF-8";
        }
        return generic(m);
    }

    /**
     * What is wrong, for an exception of Gson's strict reader: its message without the link to
     * Gson's troubleshooting page and without the advice to parse leniently.
     */
    public static String describeGson(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() != null
                && t.getMessage().startsWith(t.getCause().getClass().getName())) {
            t = t.getCause();
        }
        String message = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        message = message.replaceFirst("^(com\\.google\\.gson\\.[\\w.]+|java\\.[\\w.]+): ", "");
        message = message.replaceFirst("^Use JsonReader\\.setStrictness\\(.*?\\) to accept malformed JSON", "syntax error");
        message = message.replaceFirst("^JSON forbids NaN and infinities: ", "NaN and infinities are not JSON numbers: ");
        message = message.replaceAll(" path \\$$", "");
        return message.isEmpty() ? "unreadable JSON" : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String found(String m) {
        Matcher c = CHAR.matcher(m);
        if (!c.find()) {
            return "something else";
        }
        if (c.group(4) != null) {
            return describeControl(Integer.parseInt(c.group(4)));
        }
        int code = Integer.parseInt(c.group(3));
        return code < 32 ? describeControl(code) : "'" + c.group(2) + "'";
    }

    private static String control(String m) {
        Matcher c = CONTROL.matcher(m);
        return c.find() ? describeControl(Integer.parseInt(c.group(1))) : "control character";
    }

    private static String describeControl(int code) {
        return switch (code) {
            case 9 -> "tab";
            case 10 -> "line break";
            case 13 -> "carriage return";
            case 0 -> "NUL character (byte 0)";
            default -> "control character (byte " + code + ")";
        };
    }

    private static String token(String m) {
        Matcher t = TOKEN.matcher(m);
        return t.find() ? "'" + t.group(1) + "'" : "a token";
    }

    private static String unquote(String quoted) {
        return quoted.length() >= 2 && quoted.startsWith("'") ? quoted.substring(1, quoted.length() - 1) : quoted;
    }

    private static String opened(String m) {
        Matcher at = START_MARKER.matcher(m);
        return at.find() ? "; it was opened on line " + at.group(1) + ", column " + at.group(2) : "";
    }

    /** Anything not matched above, with the parser's internal vocabulary removed. */
    private static String generic(String m) {
        String s = m.replaceAll("\\(\\[Source:.*?\\]\\)|\\[Source:.*?\\]", "")
                .replaceAll("'(.)' \\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)", "'$1'")
                .replaceAll("\\(CTRL-CHAR, code (\\d+)\\)", "control character $1")
                .replaceAll(":? ?\\(?(?:enable|not recognized as one since)[^)]*\\)?", "")
                .replace("`", "'")
                .strip();
        return s.isEmpty() ? "unreadable JSON" : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}

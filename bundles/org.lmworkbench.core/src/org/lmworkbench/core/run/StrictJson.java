package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses JSON without Gson's leniency. {@code JsonParser.parseString} would quietly accept
 * unquoted keys or half a record, which in a run file means corruption that must be reported.
 */
final class StrictJson {

    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);

    private StrictJson() {
    }

    /**
     * Parses exactly one JSON value.
     *
     * @throws IOException (a {@link MalformedJsonException} for bad syntax) if the text is not one JSON value
     */
    static JsonElement parse(String text) throws IOException {
        // A new JsonReader is strict unless told otherwise; the element adapter keeps it that way.
        JsonReader reader = new JsonReader(new StringReader(text));
        JsonElement element = ELEMENT.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new MalformedJsonException("unexpected text after the JSON value");
        }
        return element;
    }
}

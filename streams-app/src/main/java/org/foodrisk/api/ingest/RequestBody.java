package org.foodrisk.api.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import java.util.Optional;
import org.foodrisk.ingest.StrictUtf8;

/**
 * Splits a request body into its records, each exactly as sent: the body itself when it is not a
 * JSON array (intake then judges it: object, or why not), else the text of every element of the
 * array. Only the array's own syntax is checked here; each record is parsed and validated by
 * intake, as on the topics (duplicate keys included).
 */
public final class RequestBody {

    /** What the body holds. */
    public sealed interface Split {
    }

    /** The records, each as sent; {@code batch} when the body was a JSON array. */
    public record Records(List<byte[]> records, boolean batch) implements Split {
    }

    /** The body as a whole cannot be read (so no record of it is). */
    public record Malformed(String error, String reason) implements Split {
    }

    /** A JSON array with more records than allowed. */
    public record TooMany(int limit) implements Split {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(100)
                    .build())
            .build();

    private RequestBody() {
    }

    public static Split split(byte[] body, int maxBatch) {
        int first = 0;
        while (first < body.length && isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length) {
            return new Malformed("empty-body", "the body is empty: send one JSON record or a JSON array of records");
        }
        if (body[first] != '[') {
            return new Records(List.of(body), false);
        }
        Optional<String> decoded = StrictUtf8.decode(body);
        if (decoded.isEmpty()) {
            return new Malformed("invalid-utf8", "the body is not valid UTF-8");
        }
        String text = decoded.get();
        List<byte[]> records = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken(); // START_ARRAY
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    return new Malformed("invalid-json", "the body is not valid JSON: the array is not closed");
                }
                int start = (int) parser.currentTokenLocation().getCharOffset();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else {
                    parser.finishToken(); // a string is read lazily: reach its end
                }
                int end = (int) parser.currentLocation().getCharOffset();
                if (records.size() == maxBatch) {
                    return new TooMany(maxBatch);
                }
                records.add(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
            }
            if (parser.nextToken() != null) {
                return new Malformed("invalid-json", "the body is not valid JSON: text after the array"
                        + location(parser.currentTokenLocation()));
            }
        } catch (JacksonException e) {
            return new Malformed("invalid-json", "the body is not valid JSON: " + e.getOriginalMessage()
                    + location(e.getLocation()));
        } catch (IOException e) {
            return new Malformed("invalid-json", "the body cannot be read: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return new Malformed("empty-batch", "the array holds no record");
        }
        return new Records(records, true);
    }

    private static String location(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}

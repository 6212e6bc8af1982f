package org.foodrisk.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A documented curl command carried out with {@link java.net.http.HttpClient}, as curl would send it: the
 * build machines need not have a curl binary (a bare Debian has none), and a request made here can be
 * checked without parsing curl's output.
 *
 * <p>Understood, as curl 7/8 reads them: {@code -s -S -i -v -f -L -G}, {@code -H}, {@code -X}, {@code -d}
 * ({@code --data}, {@code --data-raw}, {@code --data-binary}, {@code --data-ascii}), {@code --data-urlencode},
 * {@code --json}, {@code -c} / {@code -b} (a cookie jar file, here a map by file name; {@code -b 'a=b'} a cookie),
 * {@code -o} (the body is kept for the checks anyway), {@code --url}. Short options can be grouped ({@code -sS}).
 * Anything else fails with its name, so that an example using it teaches this class rather than being run
 * wrong. Like curl: {@code -d} makes a POST with {@code Content-Type: application/x-www-form-urlencoded} unless
 * the command sets one, several {@code -d} join with {@code &}, {@code -G} moves them into the query; every
 * request says {@code Accept: *}{@code /*}; a URL without a scheme is http; redirects are not followed without
 * {@code -L}.
 */
final class CurlCommand {

    /** What the command sent and got back. */
    record Exchange(String method, URI uri, Map<String, String> headers, String body, int status,
                    HttpResponse<String> response) {

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    private static final Set<String> FLAGS = Set.of("s", "S", "i", "v", "f", "L", "G");
    /**
     * One client (and connection pool) for every example: a client per request would leave its idle connection
     * open, and the server closes connections beyond 32 per address (docs/http-limits.md).
     */
    private static final HttpClient CLIENT = client(HttpClient.Redirect.NEVER);
    private static final HttpClient FOLLOWING_CLIENT = client(HttpClient.Redirect.NORMAL);

    private String method;
    private String url;
    private boolean get;
    private boolean followRedirects;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> data = new ArrayList<>();
    private String writeCookiesTo;
    private String cookie;

    private CurlCommand() {
    }

    /**
     * @param words   the command's words, {@code curl} first, placeholders already filled in
     * @param jars    cookie jars by file name, shared by the commands of one run ({@code -c jar}, then {@code -b jar})
     */
    static Exchange run(List<String> words, Map<String, Map<String, String>> jars) throws IOException, InterruptedException {
        CurlCommand curl = parse(words, jars);
        return curl.send(jars);
    }

    private static CurlCommand parse(List<String> words, Map<String, Map<String, String>> jars) {
        CurlCommand curl = new CurlCommand();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String option = word.startsWith("--") && word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String inlineValue = option.equals(word) ? null : word.substring(word.indexOf('=') + 1);
            switch (option) {
                case "--silent", "--show-error", "--include", "--verbose", "--fail" -> {
                }
                case "--location" -> curl.followRedirects = true;
                case "--get" -> curl.get = true;
                case "-H", "--header" -> curl.header(value(words, ++i, inlineValue, word));
                case "-X", "--request" -> curl.method = value(words, ++i, inlineValue, word);
                case "-d", "--data", "--data-raw", "--data-binary", "--data-ascii" -> {
                    String value = value(words, ++i, inlineValue, word);
                    if (value.startsWith("@") && !option.equals("--data-raw")) {
                        throw new IllegalArgumentException(word + " @file is not understood by this test");
                    }
                    curl.data.add(value);
                }
                case "--data-urlencode" -> curl.data.add(urlencoded(value(words, ++i, inlineValue, word)));
                case "--json" -> {
                    curl.data.add(value(words, ++i, inlineValue, word));
                    curl.headers.putIfAbsent("Content-Type", "application/json");
                    curl.headers.putIfAbsent("Accept", "application/json");
                }
                case "-c", "--cookie-jar" -> curl.writeCookiesTo = value(words, ++i, inlineValue, word);
                case "-b", "--cookie" -> {
                    String value = value(words, ++i, inlineValue, word);
                    // curl: with a '=' it is the cookie itself, else the name of a file to read cookies from
                    curl.cookie = value.contains("=") ? value : cookieHeader(jars.get(value));
                }
                case "-o", "--output" -> value(words, ++i, inlineValue, word);
                case "--url" -> curl.url = value(words, ++i, inlineValue, word);
                default -> {
                    if (word.matches("-[A-Za-z]+") && word.chars().skip(1).allMatch(c -> FLAGS.contains(String.valueOf((char) c)))) {
                        curl.get |= word.contains("G");
                        curl.followRedirects |= word.contains("L");
                    } else if (word.startsWith("-")) {
                        throw new IllegalArgumentException("curl option " + word + " is not understood by this test"
                                + " (teach CurlCommand)");
                    } else if (curl.url == null) {
                        curl.url = word;
                    } else {
                        throw new IllegalArgumentException("a second URL " + word + " (one request per example, please)");
                    }
                }
            }
        }
        if (curl.url == null) {
            throw new IllegalArgumentException("no URL in " + words);
        }
        return curl;
    }

    private static String value(List<String> words, int i, String inlineValue, String option) {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (i >= words.size()) {
            throw new IllegalArgumentException(option + " without its value");
        }
        return words.get(i);
    }

    /** curl's --data-urlencode forms: {@code name=content}, {@code =content}, {@code content}. */
    private static String urlencoded(String value) {
        int at = value.indexOf('@');
        int equals = value.indexOf('=');
        if (at >= 0 && (equals < 0 || at < equals)) {
            throw new IllegalArgumentException("--data-urlencode from a file is not understood by this test");
        }
        if (equals < 0) {
            return encode(value);
        }
        String name = value.substring(0, equals);
        String content = encode(value.substring(equals + 1));
        return name.isEmpty() ? content : name + "=" + content;
    }

    /** Percent-encoding as curl does it (a space is %20, not +). */
    private static String encode(String content) {
        return URLEncoder.encode(content, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void header(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("header " + line + " is not 'Name: value'");
        }
        String value = line.substring(colon + 1).strip();
        if (!value.isEmpty()) {
            headers.put(line.substring(0, colon).strip(), value);
        }
    }

    private static String cookieHeader(Map<String, String> jar) {
        if (jar == null || jar.isEmpty()) {
            return null; // curl reads a missing jar as no cookies
        }
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** The client the test's own requests share with the examples (see {@link #CLIENT}). */
    static HttpClient client() {
        return CLIENT;
    }

    private static HttpClient client(HttpClient.Redirect redirects) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(redirects)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private Exchange send(Map<String, Map<String, String>> jars) throws IOException, InterruptedException {
        String target = url.matches("(?i)[a-z][a-z0-9+.-]*://.*") ? url : "http://" + url;
        String body = null;
        if (!data.isEmpty()) {
            String joined = String.join("&", data);
            if (get) {
                target += (target.contains("?") ? "&" : "?") + joined;
            } else {
                body = joined;
                if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                    headers.put("Content-Type", "application/x-www-form-urlencoded");
                }
            }
        }
        String verb = method != null ? method : body != null ? "POST" : "GET";
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Accept"))) {
            headers.put("Accept", "*/*");
        }
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("User-Agent"))) {
            headers.put("User-Agent", "curl/8 (ReadmeExamplesIT)");
        }
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        URI uri = URI.create(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = (followRedirects ? FOLLOWING_CLIENT : CLIENT).send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (writeCookiesTo != null) {
            Map<String, String> jar = jars.computeIfAbsent(writeCookiesTo, f -> new LinkedHashMap<>());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = pair.substring(0, equals).strip();
                    boolean deleted = setCookie.toLowerCase(Locale.ROOT).matches(".*;\\s*max-age=0\\b.*");
                    if (deleted) {
                        jar.remove(name);
                    } else {
                        jar.put(name, pair.substring(equals + 1).strip());
                    }
                }
            }
        }
        return new Exchange(verb, uri, Map.copyOf(headers), body, response.statusCode(), response);
    }
}

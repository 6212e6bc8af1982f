package org.foodrisk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} commands of a markdown document, as a reader would paste them into bash: every command of
 * its fenced code blocks and of its inline code spans that starts with {@code curl}, read with the shell's
 * quoting rules (single and double quotes, backslash, a backslash-newline continuing the line, a
 * single-quoted argument spanning lines), its {@code $(date …)} substitutions and shell variables expanded.
 * Also, written as the curl command a reader would type, each concrete {@code `GET /path`} of the text and each
 * address of the app it gives for a browser (see {@link #of}).
 *
 * <p>Only what the documents use is understood, and anything else fails loudly so that whoever adds an
 * example that needs more teaches it here instead of having it skipped:
 * <ul>
 *   <li>{@code $(date [-d 'N days ago'] +FORMAT)} is computed here, in the service's zone {@code foodrisk.zone}
 *   (Asia/Shanghai) — the week a reader in Tianjin gets, and the week the service's summaries are cut by —
 *   rather than by running GNU date (not on every machine; BSD date has no {@code -d}).</li>
 *   <li>{@code NAME=value} and {@code export NAME=value} lines of a code block define variables for the commands
 *   after them in the same document; {@code $NAME} or {@code ${NAME}} of an undefined variable fails.</li>
 *   <li>{@code | …} after the command (e.g. {@code | head -c 2000}) only trims what the reader sees: it is kept
 *   as {@link Example#pipedInto} and the whole answer is checked.</li>
 *   <li>A {@code #} comment on the lines right before a command is its {@link Example#description}, one after
 *   it on the same line its {@link Example#outcome} (e.g. {@code # 202; 403 for another unit's alert}).</li>
 *   <li>{@code <name>} placeholders are left in the words for the caller to fill in.</li>
 * </ul>
 */
final class DocumentedCurlExamples {

    /** One documented example as a curl command, its words after quote removal and expansion. */
    record Example(String document, int line, String asWritten, List<String> words, String description,
                   String outcome, String pipedInto) {

        String where() {
            return document + ":" + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)\\s*([A-Za-z]*)");
    /** Code blocks read as shell: a block of another language (markdown, json, yaml …) holds no command. */
    private static final Set<String> SHELL_LANGUAGES = Set.of("", "bash", "sh", "shell", "console", "zsh");
    private static final Pattern INLINE_CURL = Pattern.compile("`(curl\\s[^`]+)`");
    /** {@code `GET /path?query`} in the text (the API table, prose): a request a reader would make. */
    private static final Pattern REQUEST_LINE = Pattern.compile("`GET (/[^`\\s]*)`");
    /** {@code ?district=&category=} — a list of parameters, not a request. */
    private static final Pattern EMPTY_QUERY_VALUE = Pattern.compile("=(&|$)");
    /** An address of the app for a browser, in code or bold ({@code **http://localhost:8080/dashboard/**}). */
    private static final Pattern ADDRESS = Pattern.compile("(?<=[`*])http://localhost:8080/[^\\s`*]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9]*>");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private final Supplier<LocalDate> today;
    private final String requestLineToken;
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> requestLinesSeen = new HashSet<>();

    private DocumentedCurlExamples(ZoneId zone, String requestLineToken) {
        this.today = () -> LocalDate.now(zone);
        this.requestLineToken = requestLineToken;
    }

    /**
     * Every curl example of the document, in the order they are written; also, as curl commands, each concrete
     * {@code `GET /path`} of the text (once per path; sent with {@code requestLineToken}, as the text says every
     * /api/v1 request needs a user) and each browser address {@code http://localhost:8080/…} in code or bold.
     */
    static List<Example> of(Path document, String name, ZoneId zone, String requestLineToken) throws IOException {
        return new DocumentedCurlExamples(zone, requestLineToken).read(name, Files.readString(document, StandardCharsets.UTF_8));
    }

    /** A path as a URI takes it: the characters beyond ASCII (韭菜) percent-encoded as UTF-8, as a browser sends them. */
    private static String asciiOnly(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().forEach(c -> {
            if (c < 128) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append("%02X".formatted(b & 0xff));
                }
            }
        });
        return out.toString();
    }

    private List<Example> read(String document, String text) {
        List<Example> examples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder block = null;
        boolean shellBlock = false;
        int blockStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.find()) {
                if (block == null) {
                    block = new StringBuilder();
                    shellBlock = SHELL_LANGUAGES.contains(fence.group(2).toLowerCase(Locale.ROOT));
                    blockStart = i + 2; // 1-based number of the block's first line
                } else {
                    if (shellBlock) {
                        examples.addAll(commands(document, blockStart, block.toString()));
                    }
                    block = null;
                }
                continue;
            }
            if (block != null) {
                block.append(lines[i]).append('\n');
                continue;
            }
            Matcher inline = INLINE_CURL.matcher(lines[i]);
            while (inline.find()) {
                examples.addAll(commands(document, i + 1, inline.group(1)));
            }
            Matcher requestLine = REQUEST_LINE.matcher(lines[i]);
            while (requestLine.find()) {
                String path = requestLine.group(1);
                boolean concrete = !path.contains("{") && !EMPTY_QUERY_VALUE.matcher(path).find();
                if (concrete && requestLinesSeen.add(path)) {
                    examples.add(new Example(document, i + 1, "GET " + path, List.of("curl", "-s", "-H",
                            "Authorization: Bearer " + requestLineToken, "localhost:8080" + asciiOnly(path)),
                            "a request line of the text, sent with the token " + requestLineToken, null, null));
                }
            }
            Matcher address = ADDRESS.matcher(lines[i]);
            while (address.find()) {
                examples.add(new Example(document, i + 1, address.group(), List.of("curl", "-s", "-L", address.group()),
                        "an address the text gives", null, null));
            }
        }
        return examples;
    }

    /** The curl commands of a piece of shell text (a code block or an inline span) starting at {@code firstLine}. */
    private List<Example> commands(String document, int firstLine, String shell) {
        List<Example> found = new ArrayList<>();
        Reader reader = new Reader(shell);
        StringBuilder description = new StringBuilder();
        while (!reader.atEnd()) {
            int line = firstLine + reader.line;
            int start = reader.at;
            Command command = reader.command();
            String asWritten = shell.substring(start, reader.at).strip();
            if (command.words.isEmpty()) {
                if (command.comment != null) {
                    description.append(description.isEmpty() ? "" : " ").append(command.comment);
                } else {
                    description.setLength(0); // a blank line ends a description
                }
                continue;
            }
            if (command.words.get(0).equals("curl")) {
                if (command.problem != null) {
                    throw new IllegalArgumentException(document + ":" + line + ": " + command.problem);
                }
                found.add(new Example(document, line, asWritten, command.words, description.toString(),
                        command.comment, command.pipedInto));
            } else {
                defineVariable(command);
            }
            description.setLength(0);
        }
        return found;
    }

    /** {@code NAME=value} or {@code export NAME=value} alone on its line: a variable for the commands after it. */
    private void defineVariable(Command command) {
        List<String> words = command.words;
        boolean export = words.size() == 2 && words.get(0).equals("export");
        if (words.size() != 1 && !export) {
            return;
        }
        Matcher assignment = ASSIGNMENT.matcher(words.get(words.size() - 1));
        if (assignment.matches() && command.problem == null) {
            variables.put(assignment.group(1), assignment.group(2));
        }
    }

    /**
     * One command's words. {@code problem}: what this test could not expand or understand in it — fatal only for
     * a curl command (the documents' other commands, {@code $(cat …)} and {@code ; } among them, are not run).
     */
    private record Command(List<String> words, String comment, String pipedInto, String problem) {
    }

    /** Reads shell text one command at a time, as bash would split it into words. */
    private final class Reader {
        private final String text;
        private int at;
        private int line;
        private String problem;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        /** The next command: up to an unquoted newline that no backslash continues. */
        Command command() {
            List<String> words = new ArrayList<>();
            String comment = null;
            String pipedInto = null;
            problem = null;
            StringBuilder word = null;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\n') {
                    at++;
                    line++;
                    break;
                }
                if (c == ' ' || c == '\t') {
                    at++;
                    word = flush(words, word);
                    continue;
                }
                if (c == '#' && word == null) {
                    int end = text.indexOf('\n', at);
                    end = end < 0 ? text.length() : end;
                    comment = text.substring(at + 1, end).strip();
                    at = end;
                    continue;
                }
                if (c == '|' && word == null && pipedInto == null) {
                    int end = text.indexOf('\n', at);
                    end = end < 0 ? text.length() : end;
                    String rest = text.substring(at + 1, end);
                    int hash = rest.indexOf(" #");
                    pipedInto = (hash < 0 ? rest : rest.substring(0, hash)).strip();
                    comment = hash < 0 ? comment : rest.substring(hash + 2).strip();
                    at = end;
                    continue;
                }
                Matcher placeholder = PLACEHOLDER.matcher(text).region(at, text.length());
                if (c == '<' && placeholder.lookingAt()) {
                    // a documentation placeholder such as <alertId>, not a redirection: kept for the caller to fill in
                    word = word == null ? new StringBuilder() : word;
                    word.append(placeholder.group());
                    at = placeholder.end();
                    continue;
                }
                if (c == ';' || c == '&' || c == '>' || c == '<') {
                    problem = "shell syntax '" + c + "' is not understood by this test (near: " + around(at)
                            + "); teach DocumentedCurlExamples or write the example as one command";
                    at++;
                    continue;
                }
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\\') {
                    if (at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                        at += 2; // line continuation
                        line++;
                        word = word.isEmpty() ? null : word;
                        continue;
                    }
                    word.append(text.charAt(at + 1));
                    at += 2;
                } else if (c == '\'') {
                    int end = text.indexOf('\'', at + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed single quote near: " + around(at));
                    }
                    String quoted = text.substring(at + 1, end);
                    line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                    word.append(quoted);
                    at = end + 1;
                } else if (c == '"') {
                    at++;
                    doubleQuoted(word);
                } else if (c == '$') {
                    word.append(expansion());
                } else {
                    word.append(c);
                    at++;
                }
            }
            flush(words, word);
            return new Command(words, comment, pipedInto, problem);
        }

        private StringBuilder flush(List<String> words, StringBuilder word) {
            if (word != null) {
                words.add(word.toString());
            }
            return null;
        }

        /** The rest of a double-quoted string (after its opening quote): $ expands, \ escapes only $ ` " \ and newline. */
        private void doubleQuoted(StringBuilder word) {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '"') {
                    at++;
                    return;
                }
                if (c == '\\' && at + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(at + 1)) >= 0) {
                    if (text.charAt(at + 1) != '\n') {
                        word.append(text.charAt(at + 1));
                    } else {
                        line++;
                    }
                    at += 2;
                } else if (c == '$') {
                    word.append(expansion());
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    word.append(c);
                    at++;
                }
            }
            throw new IllegalArgumentException("unclosed double quote in: " + text);
        }

        /** $(command), ${NAME} or $NAME at {@code at}. */
        private String expansion() {
            if (text.startsWith("$(", at)) {
                int start = at + 2;
                int end = start;
                char quote = 0;
                int depth = 1;
                for (; end < text.length(); end++) {
                    char c = text.charAt(end);
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    } else if (c == '\'' || c == '"') {
                        quote = c;
                    } else if (c == '(') {
                        depth++;
                    } else if (c == ')' && --depth == 0) {
                        break;
                    }
                }
                if (end >= text.length()) {
                    throw new IllegalArgumentException("unclosed $( near: " + around(at));
                }
                String inner = text.substring(start, end);
                at = end + 1;
                try {
                    return substitute(new Reader(inner).command().words);
                } catch (IllegalArgumentException notUnderstood) {
                    problem = notUnderstood.getMessage();
                    return "";
                }
            }
            Matcher name = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))").matcher(text);
            if (!name.find(at) || name.start() != at) {
                problem = "a '$' this test does not understand near: " + around(at);
                at++;
                return "$";
            }
            at = name.end();
            String variable = name.group(1) != null ? name.group(1) : name.group(2);
            String value = variables.get(variable);
            if (value == null) {
                problem = "$" + variable + " is used but no code block before it sets " + variable + "=…";
                return "";
            }
            return value;
        }

        private String around(int position) {
            return text.substring(Math.max(0, position - 30), Math.min(text.length(), position + 30)).replace('\n', ' ');
        }
    }

    /** What a command substitution prints; only {@code date} is known. */
    private String substitute(List<String> command) {
        if (command.isEmpty() || !command.get(0).equals("date")) {
            throw new IllegalArgumentException("$(" + String.join(" ", command) + ") is not understood by this test:"
                    + " only $(date …) is computed (teach DocumentedCurlExamples.substitute)");
        }
        LocalDate day = today.get();
        String format = null;
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.equals("-d") || arg.equals("--date")) {
                day = relativeDay(command.get(++i));
            } else if (arg.startsWith("--date=")) {
                day = relativeDay(arg.substring("--date=".length()));
            } else if (arg.startsWith("+")) {
                format = arg.substring(1);
            } else {
                throw new IllegalArgumentException("date option " + arg + " is not understood by this test");
            }
        }
        if (format == null) {
            throw new IllegalArgumentException("$(" + String.join(" ", command) + ") has no +FORMAT");
        }
        return dateFormat(day, format);
    }

    private LocalDate relativeDay(String when) {
        Matcher ago = Pattern.compile("(\\d+) (day|week)s? ago").matcher(when.strip());
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            return ago.group(2).equals("day") ? today.get().minusDays(n) : today.get().minusWeeks(n);
        }
        if (when.strip().equals("today") || when.strip().equals("now")) {
            return today.get();
        }
        throw new IllegalArgumentException("date -d '" + when + "' is not understood by this test");
    }

    /** GNU date's +FORMAT for the day fields the documents use. */
    static String dateFormat(LocalDate day, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char field = format.charAt(++i);
            out.append(switch (field) {
                case 'Y' -> String.valueOf(day.getYear());
                case 'm' -> "%02d".formatted(day.getMonthValue());
                case 'd' -> "%02d".formatted(day.getDayOfMonth());
                case 'F' -> day.toString();
                case 'G' -> String.valueOf(day.get(IsoFields.WEEK_BASED_YEAR));
                case 'V' -> "%02d".formatted(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case 'u' -> String.valueOf(day.getDayOfWeek().getValue());
                case '%' -> "%";
                default -> throw new IllegalArgumentException("date format %" + field + " is not understood by this test");
            });
        }
        return out.toString();
    }
}

package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TokenType.EOF;
import static io.edgejava.hub.routing.TokenType.FROM;
import static io.edgejava.hub.routing.TokenType.INTO;
import static io.edgejava.hub.routing.TokenType.LPAREN;
import static io.edgejava.hub.routing.TokenType.RPAREN;
import static io.edgejava.hub.routing.TokenType.SLASH;
import static io.edgejava.hub.routing.TokenType.STAR;
import static io.edgejava.hub.routing.TokenType.WHERE;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses route text:
 *
 * <pre>
 * [SELECT *] FROM &lt;source&gt; [WHERE &lt;condition&gt;] INTO &lt;sink&gt;
 * </pre>
 *
 * <p>Keywords match in any letter case. Block comments (<code>/&#42; ... &#42;/</code>) may appear
 * between tokens. Unlike edgeHub, which silently ignores anything after the sink, trailing text is
 * an error.
 */
final class RouteParser {

    /** A route's parts. {@code condition} is {@code null} when there is no WHERE clause. */
    record ParsedRoute(RouteSource source, RouteSink sink, Condition condition) {}

    private static final String SOURCE_FORMS =
            "/*, /messages/*, /messages/modules/*, /messages/modules/{module}/*,"
                    + " /messages/modules/{module}/outputs/* or"
                    + " /messages/modules/{module}/outputs/{output}";

    private static final String SINK_FORMS =
            "$upstream or BrokeredEndpoint(\"/modules/{module}/inputs/{input}\")";

    private final TokenCursor in;
    private final List<Token> comments;

    private RouteParser(TokenCursor in, List<Token> comments) {
        this.in = in;
        this.comments = comments;
    }

    /**
     * Parses one route.
     *
     * @param routeName the route's name, for error messages
     * @param text the route's text; {@code null} counts as empty
     * @return its source, sink and condition
     * @throws RouteSyntaxException if the route is malformed
     */
    static ParsedRoute parse(String routeName, String text) {
        if (text == null || text.isBlank()) {
            throw new RouteSyntaxException(
                    routeName,
                    text,
                    1,
                    "the route is empty; expected FROM <source> [WHERE <condition>] INTO <sink>");
        }
        RouteLexer.Lexed lexed = RouteLexer.lex(text);
        return new RouteParser(new TokenCursor(routeName, text, lexed.tokens()), lexed.comments())
                .route();
    }

    private ParsedRoute route() {
        if (in.accept(TokenType.SELECT) && !in.accept(STAR)) {
            throw in.error(in.peek(), "expected '*' after SELECT, found " + in.peek().display());
        }
        if (!in.accept(FROM)) {
            throw in.error(
                    in.peek(),
                    "expected FROM at the start of the route, found " + in.peek().display());
        }
        RouteSource source = source();
        Condition condition = null;
        if (in.accept(WHERE)) {
            if (in.at(INTO) || in.at(EOF)) {
                throw in.error(
                        in.peek(),
                        "expected a condition after WHERE, found " + in.peek().display());
            }
            condition = ConditionParser.parse(in);
            expectInto("INTO after the condition");
        } else {
            expectInto("WHERE or INTO after the source");
        }
        RouteSink sink = sink();
        if (!in.at(EOF)) {
            throw in.error(
                    in.peek(),
                    "unexpected "
                            + in.peek().display()
                            + " after the sink; a route ends with its sink");
        }
        return new ParsedRoute(source, sink, condition);
    }

    private void expectInto(String expected) {
        if (!in.accept(INTO)) {
            throw in.error(
                    in.peek(),
                    "expected "
                            + expected
                            + ", found "
                            + in.peek().display()
                            + tokenHint(in.peek(), in.previous()));
        }
    }

    // ---- source ----

    private RouteSource source() {
        Token start = in.peek();
        if (start.type() != SLASH) {
            throw in.error(
                    start,
                    "expected a source after FROM, such as /messages/*, found " + start.display());
        }
        List<String> segments = new ArrayList<>();
        Token last = start;
        while (in.accept(SLASH)) {
            Token segment = in.next();
            if (segment.type() != TokenType.ID && segment.type() != STAR) {
                throw in.error(
                        segment, "expected a path segment after '/', found " + segment.display());
            }
            segments.add(segment.text());
            last = segment;
            rejectCommentSwallowingTheRoute(segment);
        }
        Token after = in.peek();
        if (after.type() != EOF && after.start() == last.end()) {
            // A character names exclude, such as ':' in a module id: edgeHub's grammar cannot
            // express it in a source.
            throw in.error(after, "unexpected " + after.display() + " in the source path");
        }
        String path = in.text().substring(start.start(), last.end());
        RouteSource source = RouteSource.fromSegments(segments);
        if (source == null) {
            throw in.error(start, sourceProblem(path, segments));
        }
        return source;
    }

    /**
     * edgeHub's lexer reads <code>/&#42;</code> as the start of a comment wherever a <code>
     * &#42;/</code> follows later, even inside a source such as {@code /messages/*}: a comment
     * anywhere after such a source makes a device drop everything in between, the condition
     * included. That route would mean something else on a device, so it is an error here.
     */
    private void rejectCommentSwallowingTheRoute(Token segment) {
        for (Token comment : comments) {
            if (comment.start() == segment.end()) {
                throw in.error(
                        comment,
                        "edgeHub reads this '/*' as the start of a comment that ends at the '*/' at"
                                + " position "
                                + (comment.end() - 1)
                                + ", dropping everything in between; remove the comment from the"
                                + " route");
            }
        }
    }

    private static String sourceProblem(String path, List<String> segments) {
        if (segments.get(0).equalsIgnoreCase("twinChangeNotifications")) {
            return "'"
                    + path
                    + "' is not supported: local-edge-hub routes messages from modules only";
        }
        boolean underModules =
                segments.size() >= 3
                        && segments.get(0).equalsIgnoreCase("messages")
                        && segments.get(1).equalsIgnoreCase("modules")
                        && !segments.get(2).contains("*");
        boolean moduleWithoutWildcard =
                underModules
                        && (segments.size() == 3
                                || (segments.size() == 4
                                        && segments.get(3).equalsIgnoreCase("outputs")));
        if (moduleWithoutWildcard) {
            return "'" + path + "' is not a route source; did you mean '" + path + "/*'?";
        }
        return "'" + path + "' is not a route source; use " + SOURCE_FORMS;
    }

    // ---- sink ----

    private RouteSink sink() {
        Token token = in.next();
        if (token.type() == TokenType.SYS_PROP) {
            if (token.text().equalsIgnoreCase("$upstream")) {
                return new RouteSink.Upstream();
            }
            throw in.error(token, "unknown sink " + token.display() + "; use " + SINK_FORMS);
        }
        if (token.type() != TokenType.ID || !token.text().equalsIgnoreCase("BrokeredEndpoint")) {
            throw in.error(
                    token,
                    "expected a sink after INTO, found " + token.display() + "; use " + SINK_FORMS);
        }
        if (!in.accept(LPAREN)) {
            throw in.error(
                    in.peek(),
                    "expected '(' after " + token.text() + ", found " + in.peek().display());
        }
        Token address = in.next();
        if (address.type() == TokenType.UNTERMINATED_STRING) {
            throw unterminated(in, address);
        }
        if (address.type() != TokenType.STRING) {
            throw in.error(
                    address,
                    "expected the endpoint address in quotes, such as"
                            + " \"/modules/{module}/inputs/{input}\", found "
                            + address.display());
        }
        RouteSink sink = moduleInput(address);
        if (!in.accept(RPAREN)) {
            throw in.error(
                    in.peek(),
                    "expected ')' after the endpoint address, found " + in.peek().display());
        }
        return sink;
    }

    /**
     * Reads {@code "/modules/{module}/inputs/{input}"}. edgeHub takes the text between the quotes
     * as is (no escapes), trims it, drops one leading and one trailing '/', and needs four
     * segments; unlike edgeHub, the words {@code modules} and {@code inputs} are checked too.
     */
    private RouteSink moduleInput(Token address) {
        String raw = address.text().substring(1, address.text().length() - 1);
        String trimmed = raw.strip();
        if (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] parts = trimmed.split("/", -1);
        if (parts.length != 4
                || !parts[0].equalsIgnoreCase("modules")
                || !parts[2].equalsIgnoreCase("inputs")) {
            throw in.error(
                    address,
                    "'"
                            + raw
                            + "' is not a module input; expected"
                            + " \"/modules/{module}/inputs/{input}\"");
        }
        for (String name : List.of(parts[1], parts[3])) {
            String problem = RouteSink.ModuleInput.problemWith(name);
            if (problem != null) {
                throw in.error(
                        address,
                        "'"
                                + raw
                                + "' is not a module input: "
                                + (name == parts[1] ? "the module id" : "the input name")
                                + " "
                                + problem);
            }
        }
        return new RouteSink.ModuleInput(parts[1], parts[3]);
    }

    // ---- shared with ConditionParser ----

    /** The error for an {@link TokenType#UNTERMINATED_STRING} token. */
    static RouteSyntaxException unterminated(TokenCursor in, Token token) {
        String text = in.text();
        int stop = token.end();
        if (stop < text.length() && text.charAt(stop) == '\\') {
            String escape = text.substring(stop, Math.min(stop + 2, text.length()));
            return in.error(
                    stop,
                    escape.equals("\\u")
                            ? "'\\u' in a string must be followed by four hex digits"
                            : "invalid escape '"
                                    + escape
                                    + "' in a string; only \\', \\\", \\\\ and \\uXXXX are"
                                    + " allowed");
        }
        return in.error(
                token,
                "unterminated string: no closing " + token.text().charAt(0) + " before the end");
    }

    /**
     * Suggests what was meant by a token that is a common slip, or returns "".
     *
     * @param token the unexpected token
     * @param previous the token before it, or {@code null}
     */
    static String tokenHint(Token token, Token previous) {
        String text = token.text();
        if (token.type() == TokenType.EQ && previous != null && previous.type() == TokenType.EQ) {
            return " ('==' is not an operator: use '=')";
        }
        if (token.type() == TokenType.ID) {
            if (text.startsWith("&")) {
                return " (use AND)";
            }
            if (text.startsWith("!")) {
                return " (use NOT, or != to compare)";
            }
        }
        if ((token.type() == TokenType.INTEGER || token.type() == TokenType.REAL)
                && text.startsWith("-")) {
            return " (edgeHub reads '"
                    + text
                    + "' as a negative number: put a space after '-' to subtract)";
        }
        return "";
    }
}

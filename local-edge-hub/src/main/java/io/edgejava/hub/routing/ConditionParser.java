package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TokenType.AND;
import static io.edgejava.hub.routing.TokenType.COALESCE;
import static io.edgejava.hub.routing.TokenType.COMMA;
import static io.edgejava.hub.routing.TokenType.EQ;
import static io.edgejava.hub.routing.TokenType.LPAREN;
import static io.edgejava.hub.routing.TokenType.OR;
import static io.edgejava.hub.routing.TokenType.RBRACE;
import static io.edgejava.hub.routing.TokenType.RPAREN;
import static io.edgejava.hub.routing.TokenType.SYS_PROP;

import io.edgejava.edge.contract.SystemProperties;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses and type-checks a {@code WHERE} condition, by recursive descent.
 *
 * <p>Operator precedence follows edgeHub's ANTLR grammar, tightest first:
 *
 * <ol>
 *   <li>unary {@code -} and {@code NOT}: they apply to the nearest value only, so {@code NOT a = b}
 *       means {@code (NOT a) = b} (write {@code NOT (a = b)});
 *   <li>{@code * / %};
 *   <li>{@code + - ||} ({@code ||} joins strings);
 *   <li>{@code < <= > >=};
 *   <li>{@code = != <>};
 *   <li>{@code AND};
 *   <li>{@code OR};
 *   <li>{@code ??} (the left side if defined, else the right), loosest of all.
 * </ol>
 *
 * <p>Binary operators group to the left. Types are checked as edgeHub's compiler checks them:
 * mismatches are errors when the route is compiled, with the operator's position.
 *
 * <p>Nesting is capped at {@link #MAX_DEPTH} levels, so that no input can exhaust the stack, either
 * here or when the condition is evaluated.
 */
final class ConditionParser {

    /** How deeply parentheses, calls, unary operators and operator chains may nest. */
    static final int MAX_DEPTH = 100;

    /**
     * Names under which edgeHub stores these system properties, and which routes written for it
     * therefore use, mapped to the names local-edge-hub's messages carry.
     */
    private static final Map<String, String> EDGE_HUB_SYSTEM_PROPERTY_NAMES =
            Map.of(
                    "$cid", SystemProperties.CORRELATION_ID,
                    "$creationtime", SystemProperties.CREATION_TIME_UTC,
                    "$enqueuedtime", SystemProperties.ENQUEUED_TIME_UTC);

    private static final Set<TokenType> COMPARISONS =
            EnumSet.of(TokenType.LT, TokenType.LE, TokenType.GT, TokenType.GE);
    private static final Set<TokenType> EQUALITIES = EnumSet.of(EQ, TokenType.NE);
    private static final Set<TokenType> ADDITIVES =
            EnumSet.of(TokenType.PLUS, TokenType.MINUS, TokenType.CONCAT);
    private static final Set<TokenType> MULTIPLICATIVES =
            EnumSet.of(TokenType.STAR, TokenType.SLASH, TokenType.PERCENT);

    // Characters that are operators to a reader but part of a name to edgeHub's lexer.
    private static final String OPERATOR_LIKE_NAME_CHARS = "+-*%!&|";

    private static final Builtin.Signature CONCAT_SIGNATURE =
            Builtin.CONCAT
                    .resolve(List.of(ValueType.STRING, ValueType.STRING))
                    .orElseThrow(IllegalStateException::new);

    /** A parsed sub-expression, with where its text is and how deep its tree is. */
    private record Parsed(Expr expr, int start, int end, int depth) {
        ValueType type() {
            return expr.type();
        }
    }

    private final TokenCursor in;
    private int nesting;

    private ConditionParser(TokenCursor in) {
        this.in = in;
    }

    /**
     * Parses a condition from the cursor's position up to the first token that cannot continue it
     * (normally INTO), which it leaves unread.
     *
     * @param in the route's tokens, positioned after WHERE
     * @return the compiled condition
     * @throws RouteSyntaxException if the condition is malformed or mistyped
     */
    static Condition parse(TokenCursor in) {
        return new Condition(new ConditionParser(in).coalesce().expr());
    }

    // ---- binary levels, loosest first ----

    private Parsed coalesce() {
        Parsed left = logical(false);
        while (in.at(COALESCE)) {
            Token operator = in.next();
            Parsed right = logical(false);
            if (!left.type().accepts(right.type(), true)) {
                throw in.error(
                        operator,
                        "'??' needs the same type on both sides, found " + typesOf(left, right));
            }
            if (left.type() == ValueType.UNDEFINED) {
                // As in edgeHub: an undefined left side is replaced by the right side outright.
                left = new Parsed(right.expr(), left.start(), right.end(), right.depth());
                continue;
            }
            ValueType type = dynamicIfAny(left, right, left.type());
            left =
                    combine(
                            new Expr.Coalesce(left.expr(), right.expr(), type),
                            operator,
                            left,
                            right);
        }
        return left;
    }

    /** An AND chain (conjunction) or an OR chain of AND chains. */
    private Parsed logical(boolean conjunction) {
        Parsed first = conjunction ? equality() : logical(true);
        TokenType operatorType = conjunction ? AND : OR;
        if (!in.at(operatorType)) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first.expr()));
        List<ValueType> stepTypes = new ArrayList<>(List.of(first.type()));
        int depth = first.depth();
        Parsed last = first;
        requireLogicalOperand(in.peek(), first, "left");
        while (in.at(operatorType)) {
            Token operator = in.next();
            Parsed next = conjunction ? equality() : logical(true);
            requireLogicalOperand(operator, next, "right");
            operands.add(next.expr());
            stepTypes.add(
                    Expr.Logical.resultType(
                            conjunction, stepTypes.get(stepTypes.size() - 1), next.type()));
            depth = Math.max(depth, next.depth());
            last = next;
        }
        return checkedDepth(
                new Parsed(
                        new Expr.Logical(conjunction, operands, stepTypes),
                        first.start(),
                        last.end(),
                        depth + 1),
                in.previous());
    }

    private Parsed equality() {
        Parsed left = comparison();
        while (EQUALITIES.contains(in.peek().type())) {
            Token operator = in.next();
            left = compare(operator, left, comparison());
        }
        return left;
    }

    private Parsed comparison() {
        Parsed left = additive();
        while (COMPARISONS.contains(in.peek().type())) {
            Token operator = in.next();
            left = compare(operator, left, additive());
        }
        return left;
    }

    private Parsed additive() {
        Parsed left = multiplicative();
        while (ADDITIVES.contains(in.peek().type())) {
            Token operator = in.next();
            Parsed right = multiplicative();
            left =
                    operator.type() == TokenType.CONCAT
                            ? concat(operator, left, right)
                            : arithmetic(operator, left, right);
        }
        return left;
    }

    private Parsed multiplicative() {
        Parsed left = unary();
        while (MULTIPLICATIVES.contains(in.peek().type())) {
            Token operator = in.next();
            left = arithmetic(operator, left, unary());
        }
        return left;
    }

    // ---- unary and primary ----

    private Parsed unary() {
        if (in.at(TokenType.MINUS)) {
            Token operator = in.next();
            Parsed operand = nested(operator);
            if (operand.type() == ValueType.DYNAMIC) {
                throw in.error(
                        operator,
                        "unary '-' cannot take a $body value (edgeHub rejects it): write"
                                + " 0 - "
                                + source(operand));
            }
            if (operand.type() != ValueType.NUMBER) {
                throw in.error(
                        operator,
                        "'-' needs a number, found "
                                + operand.type().displayName()
                                + hint(operand, ValueType.NUMBER));
            }
            return combine(new Expr.Negate(operand.expr()), operator, operand);
        }
        if (in.at(TokenType.NOT)) {
            Token operator = in.next();
            Parsed operand = nested(operator);
            switch (operand.type()) {
                case NULL -> {
                    return new Parsed(
                            new Expr.Constant(Value.Bool.TRUE, ValueType.BOOL),
                            operator.start(),
                            operand.end(),
                            operand.depth() + 1);
                }
                case BOOL, DYNAMIC -> {
                    return combine(new Expr.Not(operand.expr()), operator, operand);
                }
                default -> {
                    String precedence =
                            EQUALITIES.contains(in.peek().type())
                                            || COMPARISONS.contains(in.peek().type())
                                    ? " (NOT applies to the nearest value only: write NOT ("
                                            + source(operand)
                                            + " "
                                            + in.peek().text()
                                            + " ...))"
                                    : hint(operand, ValueType.BOOL);
                    throw in.error(
                            operator,
                            "NOT needs a boolean, found "
                                    + operand.type().displayName()
                                    + precedence);
                }
            }
        }
        return primary();
    }

    /** Parses a unary operator's operand, one nesting level down. */
    private Parsed nested(Token operator) {
        enter(operator);
        Parsed operand = unary();
        nesting--;
        return operand;
    }

    private Parsed primary() {
        Token token = in.peek();
        switch (token.type()) {
            case LPAREN -> {
                in.next();
                enter(token);
                Parsed inner = coalesce();
                if (!in.at(RPAREN)) {
                    throw in.error(
                            in.peek(),
                            "expected ')' to close the '(' at position "
                                    + (token.start() + 1)
                                    + ", found "
                                    + in.peek().display()
                                    + RouteParser.tokenHint(in.peek(), in.previous()));
                }
                Token close = in.next();
                nesting--;
                return new Parsed(inner.expr(), token.start(), close.end(), inner.depth());
            }
            case STRING -> {
                return leaf(
                        new Expr.Constant(
                                new Value.Str(RouteLexer.stringValue(token)), ValueType.STRING));
            }
            case UNTERMINATED_STRING -> throw RouteParser.unterminated(in, token);
            case INTEGER, REAL -> {
                return leaf(decimal(token.text()));
            }
            case HEX -> {
                return leaf(hex(token.text()));
            }
            case TRUE -> {
                return leaf(new Expr.Constant(Value.Bool.TRUE, ValueType.BOOL));
            }
            case FALSE -> {
                return leaf(new Expr.Constant(Value.Bool.FALSE, ValueType.BOOL));
            }
            case NULL -> {
                return leaf(new Expr.Constant(Value.NULL, ValueType.NULL));
            }
            case UNDEFINED -> {
                return leaf(new Expr.Constant(Value.UNDEFINED, ValueType.UNDEFINED));
            }
            case SYS_PROP -> {
                return leaf(dollarName(in.peek(), false));
            }
            case LBRACE -> {
                return escapedSystemProperty();
            }
            case ID -> {
                if (in.peekSecond().type() == LPAREN) {
                    return call();
                }
                return leaf(new Expr.ApplicationProperty(token.text()));
            }
            default -> {
                Token previous = in.previous();
                throw in.error(
                        token,
                        "expected a value"
                                + (previous == null ? "" : " after " + previous.display())
                                + ", found "
                                + token.display()
                                + RouteParser.tokenHint(token, previous));
            }
        }
    }

    /** Consumes the next token as a one-token expression. */
    private Parsed leaf(Expr expr) {
        Token token = in.next();
        return new Parsed(expr, token.start(), token.end(), 1);
    }

    private Parsed escapedSystemProperty() {
        Token open = in.next();
        Token name = in.peek();
        if (name.type() != SYS_PROP) {
            throw in.error(
                    name,
                    "expected a $-name after '{', found "
                            + name.display()
                            + " (braces select a system property, as in {$contentType})");
        }
        Expr expr = dollarName(name, true);
        in.next();
        if (!in.at(RBRACE)) {
            throw in.error(
                    in.peek(),
                    "expected '}' after " + name.display() + ", found " + in.peek().display());
        }
        Token close = in.next();
        return new Parsed(expr, open.start(), close.end(), 1);
    }

    /**
     * A {@code $}-name: a {@code $body} query, or a system property (which an application property
     * of the same name overrides unless the name is escaped in braces).
     */
    private Expr dollarName(Token token, boolean escaped) {
        String name = token.text();
        boolean brackets = name.indexOf('[') >= 0 || name.indexOf(']') >= 0;
        if (name.regionMatches(true, 0, "$body.", 0, 6)) {
            BodyPath path = bodyPath(token, name.substring(6));
            // An application property named like the query wins, as in edgeHub; a name with an
            // index cannot be a property name, and braces ask for the body itself.
            return new Expr.BodyQuery(path, escaped || brackets ? null : name);
        }
        if (brackets) {
            // edgeHub: "Property names do not support '[' or ']'", so this is undefined.
            return new Expr.Constant(Value.UNDEFINED, ValueType.UNDEFINED);
        }
        String key =
                EDGE_HUB_SYSTEM_PROPERTY_NAMES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        return escaped ? new Expr.SystemProperty(key) : new Expr.DollarProperty(name, key);
    }

    private BodyPath bodyPath(Token token, String path) {
        try {
            return BodyPath.parse(path);
        } catch (BodyPath.InvalidPathException invalid) {
            throw in.error(token.start() + 6 + invalid.offset(), invalid.getMessage());
        }
    }

    private Parsed call() {
        Token name = in.next();
        String function = name.text();
        Builtin builtin =
                Builtin.named(function)
                        .orElseThrow(
                                () ->
                                        in.error(
                                                name,
                                                Builtin.unsupportedReason(function)
                                                        .orElse(
                                                                "unknown function '"
                                                                        + function
                                                                        + "'")));
        Token open = in.next();
        enter(open);
        List<Parsed> arguments = new ArrayList<>();
        if (!in.at(RPAREN)) {
            do {
                arguments.add(coalesce());
            } while (in.accept(COMMA));
        }
        if (!in.at(RPAREN)) {
            throw in.error(
                    in.peek(),
                    "expected ',' or ')' in the call of "
                            + function
                            + ", found "
                            + in.peek().display()
                            + RouteParser.tokenHint(in.peek(), in.previous()));
        }
        Token close = in.next();
        nesting--;
        List<ValueType> types = arguments.stream().map(Parsed::type).toList();
        Builtin.Signature signature =
                builtin.resolve(types)
                        .orElseThrow(
                                () ->
                                        in.error(
                                                name,
                                                "function '"
                                                        + function
                                                        + "' takes "
                                                        + builtin.displaySignatures()
                                                        + ", not "
                                                        + displayTypes(types)
                                                        + argumentHint(builtin, arguments)));
        int depth = arguments.stream().mapToInt(Parsed::depth).max().orElse(0) + 1;
        return checkedDepth(
                new Parsed(
                        new Expr.Call(signature, arguments.stream().map(Parsed::expr).toList()),
                        name.start(),
                        close.end(),
                        depth),
                name);
    }

    // ---- operators ----

    private Parsed compare(Token operator, Parsed left, Parsed right) {
        if (!left.type().accepts(right.type(), true)) {
            throw in.error(
                    operator,
                    "cannot compare "
                            + left.type().displayName()
                            + " with "
                            + right.type().displayName()
                            + " using "
                            + operator.display()
                            + comparisonHint(left, right));
        }
        return combine(
                new Expr.Comparison(comparisonOperator(operator), left.expr(), right.expr()),
                operator,
                left,
                right);
    }

    private Parsed arithmetic(Token operator, Parsed left, Parsed right) {
        Expr.ArithmeticOperator arithmetic = arithmeticOperator(operator);
        for (Parsed operand : List.of(left, right)) {
            if (operand.type() != ValueType.NUMBER && operand.type() != ValueType.DYNAMIC) {
                throw in.error(
                        operator,
                        "'"
                                + arithmetic.symbol()
                                + "' needs two numbers, found "
                                + typesOf(left, right)
                                + hint(operand, ValueType.NUMBER));
            }
        }
        ValueType type = dynamicIfAny(left, right, ValueType.NUMBER);
        if (arithmetic == Expr.ArithmeticOperator.REMAINDER && type == ValueType.DYNAMIC) {
            throw in.error(
                    operator,
                    "'%' cannot take a $body value (edgeHub rejects it): convert it first, as in"
                            + " as_number($body.count) % 2");
        }
        return combine(
                new Expr.Arithmetic(arithmetic, left.expr(), right.expr(), type),
                operator,
                left,
                right);
    }

    /** {@code a || b}: a call of CONCAT, which a chain {@code a || b || c} extends. */
    private Parsed concat(Token operator, Parsed left, Parsed right) {
        for (Parsed operand : List.of(left, right)) {
            if (operand.type() != ValueType.STRING && operand.type() != ValueType.DYNAMIC) {
                throw in.error(operator, "'||' joins strings, found " + typesOf(left, right));
            }
        }
        List<Expr> arguments = new ArrayList<>();
        int depth = left.depth();
        if (left.expr() instanceof Expr.Call call && call.signature() == CONCAT_SIGNATURE) {
            arguments.addAll(call.arguments());
            depth--;
        } else {
            arguments.add(left.expr());
        }
        arguments.add(right.expr());
        return checkedDepth(
                new Parsed(
                        new Expr.Call(CONCAT_SIGNATURE, arguments),
                        left.start(),
                        right.end(),
                        Math.max(depth, right.depth()) + 1),
                operator);
    }

    private void requireLogicalOperand(Token operator, Parsed operand, String side) {
        ValueType type = operand.type();
        if (type == ValueType.BOOL
                || type == ValueType.NULL
                || type == ValueType.UNDEFINED
                || type == ValueType.DYNAMIC) {
            return;
        }
        throw in.error(
                operator,
                operator.text().toUpperCase(Locale.ROOT)
                        + " needs booleans, found "
                        + type.displayName()
                        + " on the "
                        + side
                        + hint(operand, ValueType.BOOL));
    }

    private static Expr.ComparisonOperator comparisonOperator(Token operator) {
        return switch (operator.type()) {
            case EQ -> Expr.ComparisonOperator.EQUAL;
            case NE -> Expr.ComparisonOperator.NOT_EQUAL;
            case LT -> Expr.ComparisonOperator.LESS;
            case LE -> Expr.ComparisonOperator.LESS_OR_EQUAL;
            case GT -> Expr.ComparisonOperator.GREATER;
            case GE -> Expr.ComparisonOperator.GREATER_OR_EQUAL;
            default -> throw new IllegalArgumentException(operator.toString());
        };
    }

    private static Expr.ArithmeticOperator arithmeticOperator(Token operator) {
        return switch (operator.type()) {
            case PLUS -> Expr.ArithmeticOperator.ADD;
            case MINUS -> Expr.ArithmeticOperator.SUBTRACT;
            case STAR -> Expr.ArithmeticOperator.MULTIPLY;
            case SLASH -> Expr.ArithmeticOperator.DIVIDE;
            case PERCENT -> Expr.ArithmeticOperator.REMAINDER;
            default -> throw new IllegalArgumentException(operator.toString());
        };
    }

    // ---- literals ----

    /** A decimal literal. What .NET cannot parse (such as {@code e5}) is undefined, as there. */
    private static Expr decimal(String text) {
        try {
            return new Expr.Constant(Value.number(Double.parseDouble(text)), ValueType.NUMBER);
        } catch (NumberFormatException notANumber) {
            return new Expr.Constant(Value.UNDEFINED, ValueType.UNDEFINED);
        }
    }

    /** A hex literal: a 64-bit two's complement integer, as .NET reads it; longer is undefined. */
    private static Expr hex(String text) {
        int firstSignificant = 2;
        while (firstSignificant < text.length() && text.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        String digits = text.substring(firstSignificant);
        if (digits.length() > 16) {
            return new Expr.Constant(Value.UNDEFINED, ValueType.UNDEFINED);
        }
        long value = digits.isEmpty() ? 0 : Long.parseUnsignedLong(digits, 16);
        return new Expr.Constant(new Value.Num(value), ValueType.NUMBER);
    }

    // ---- depth ----

    private void enter(Token at) {
        if (++nesting > MAX_DEPTH) {
            throw tooDeep(at);
        }
    }

    private Parsed combine(Expr expr, Token operator, Parsed... operands) {
        int depth = 0;
        int start = Integer.MAX_VALUE;
        int end = operator.end();
        for (Parsed operand : operands) {
            depth = Math.max(depth, operand.depth());
            start = Math.min(start, operand.start());
            end = Math.max(end, operand.end());
        }
        return checkedDepth(
                new Parsed(expr, Math.min(start, operator.start()), end, depth + 1), operator);
    }

    private Parsed checkedDepth(Parsed parsed, Token at) {
        if (parsed.depth() > MAX_DEPTH) {
            throw tooDeep(at);
        }
        return parsed;
    }

    private RouteSyntaxException tooDeep(Token at) {
        return in.error(at, "the condition nests more than " + MAX_DEPTH + " levels deep");
    }

    // ---- messages ----

    private String source(Parsed parsed) {
        return in.text().substring(parsed.start(), parsed.end());
    }

    private static String typesOf(Parsed left, Parsed right) {
        return left.type().displayName() + " and " + right.type().displayName();
    }

    private static ValueType dynamicIfAny(Parsed left, Parsed right, ValueType otherwise) {
        return left.type() == ValueType.DYNAMIC || right.type() == ValueType.DYNAMIC
                ? ValueType.DYNAMIC
                : otherwise;
    }

    private static String displayTypes(List<ValueType> types) {
        return types.stream()
                .map(ValueType::displayName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static boolean isProperty(Parsed parsed) {
        return parsed.expr() instanceof Expr.ApplicationProperty
                || parsed.expr() instanceof Expr.DollarProperty
                || parsed.expr() instanceof Expr.SystemProperty;
    }

    /** Explains a type error caused by a property (or what looks like an operator in a name). */
    private String hint(Parsed operand, ValueType wanted) {
        if (operand.expr() instanceof Expr.ApplicationProperty property
                && property.name()
                        .chars()
                        .anyMatch(c -> OPERATOR_LIKE_NAME_CHARS.indexOf(c) >= 0)) {
            return " (edgeHub reads '"
                    + property.name()
                    + "' as one property name: put spaces around operators)";
        }
        if (!isProperty(operand)) {
            return "";
        }
        if (wanted == ValueType.NUMBER) {
            return " (message properties are strings: convert with as_number("
                    + source(operand)
                    + "))";
        }
        if (wanted == ValueType.BOOL) {
            return " (message properties are strings: compare it, as in "
                    + source(operand)
                    + " = 'true')";
        }
        return "";
    }

    private String comparisonHint(Parsed left, Parsed right) {
        if (isProperty(left) && right.type() == ValueType.BOOL
                || isProperty(right) && left.type() == ValueType.BOOL) {
            return " (message properties are strings: compare with 'true' or 'false')";
        }
        String leftHint = hint(left, right.type());
        return leftHint.isEmpty() ? hint(right, left.type()) : leftHint;
    }

    private String argumentHint(Builtin builtin, List<Parsed> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            Parsed argument = arguments.get(i);
            if (argument.type() == ValueType.STRING && builtin.expectsNumberAt(i)) {
                String hint = hint(argument, ValueType.NUMBER);
                if (!hint.isEmpty()) {
                    return hint;
                }
            }
        }
        return "";
    }
}

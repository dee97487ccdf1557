package io.edgejava.hub.routing;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntPredicate;

/**
 * A node of a compiled condition. Every node knows its static type (checked when the route is
 * compiled) and evaluates against one message without side effects, so a compiled condition is
 * immutable and may be shared between threads.
 */
sealed interface Expr {

    /** The node's static type. */
    ValueType type();

    /**
     * Evaluates the node.
     *
     * @param scope the message being routed
     * @return the node's value for that message
     */
    Value evaluate(MessageScope scope);

    /** A literal, or a value known when the route is compiled. */
    record Constant(Value value, ValueType type) implements Expr {
        @Override
        public Value evaluate(MessageScope scope) {
            return value;
        }
    }

    /** An application property named by a bare name: {@code processingPath}. */
    record ApplicationProperty(String name) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            return Value.stringOrUndefined(scope.applicationProperty(name));
        }
    }

    /**
     * A {@code $}-name: the application property of that exact name if the message has one, else
     * the system property. edgeHub gives the application property precedence; {@link
     * SystemProperty} ({@code {$name}}) skips it.
     *
     * @param applicationName the name as written, {@code $} included
     * @param systemKey the system property it reads otherwise
     */
    record DollarProperty(String applicationName, String systemKey) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            String application = scope.applicationProperty(applicationName);
            return application != null
                    ? new Value.Str(application)
                    : Value.stringOrUndefined(scope.systemProperty(systemKey));
        }
    }

    /** A system property only, written {@code {$name}}. */
    record SystemProperty(String key) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            return Value.stringOrUndefined(scope.systemProperty(key));
        }
    }

    /**
     * A {@code $body} query.
     *
     * @param path the path into the body
     * @param shadowingName the application property that wins over the body if the message has it
     *     (edgeHub's rule for {@code $body.x} written without braces), or {@code null}
     */
    record BodyQuery(BodyPath path, String shadowingName) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.DYNAMIC;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            if (shadowingName != null) {
                String application = scope.applicationProperty(shadowingName);
                if (application != null) {
                    return new Value.Str(application);
                }
            }
            return scope.body(path);
        }
    }

    /** Unary minus of a number. */
    record Negate(Expr operand) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.NUMBER;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            return operand.evaluate(scope) instanceof Value.Num number
                    ? Value.number(-number.value())
                    : Value.UNDEFINED;
        }
    }

    /** NOT of a boolean: undefined stays undefined. */
    record Not(Expr operand) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.BOOL;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            return operand.evaluate(scope) instanceof Value.Bool bool
                    ? Value.Bool.of(!bool.isTrue())
                    : Value.UNDEFINED;
        }
    }

    /** The arithmetic operators; every number is a double, as in edgeHub. */
    enum ArithmeticOperator {
        ADD("+", (a, b) -> a + b),
        SUBTRACT("-", (a, b) -> a - b),
        MULTIPLY("*", (a, b) -> a * b),
        DIVIDE("/", (a, b) -> a / b),
        REMAINDER("%", (a, b) -> a % b);

        private final String symbol;
        private final DoubleBinaryOperator operation;

        ArithmeticOperator(String symbol, DoubleBinaryOperator operation) {
            this.symbol = symbol;
            this.operation = operation;
        }

        String symbol() {
            return symbol;
        }
    }

    /**
     * Arithmetic on two numbers; anything else is undefined. Division by zero is an infinity and
     * {@code x % 0} is undefined, following IEEE 754 like edgeHub.
     */
    record Arithmetic(ArithmeticOperator operator, Expr left, Expr right, ValueType type)
            implements Expr {
        @Override
        public Value evaluate(MessageScope scope) {
            if (left.evaluate(scope) instanceof Value.Num a
                    && right.evaluate(scope) instanceof Value.Num b) {
                return Value.number(operator.operation.applyAsDouble(a.value(), b.value()));
            }
            return Value.UNDEFINED;
        }
    }

    /** Comparison operators, as tests of a three-way comparison result. */
    enum ComparisonOperator {
        EQUAL(c -> c == 0),
        NOT_EQUAL(c -> c != 0),
        LESS(c -> c < 0),
        LESS_OR_EQUAL(c -> c <= 0),
        GREATER(c -> c > 0),
        GREATER_OR_EQUAL(c -> c >= 0);

        private final IntPredicate test;

        ComparisonOperator(IntPredicate test) {
            this.test = test;
        }
    }

    /**
     * A comparison. With undefined on either side it is undefined. Strings compare by UTF-16 code
     * unit (ordinal), booleans with false below true, null equals null.
     *
     * <p>Values of different types can only meet when a {@code $body} value is involved (the
     * compiler rejects the rest), and then edgeHub orders them by type, bool &lt; number &lt;
     * string &lt; null: {@code $body.n = '5'} is false and {@code $body.n <> '5'} is true, not
     * undefined.
     */
    record Comparison(ComparisonOperator operator, Expr left, Expr right) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.BOOL;
        }

        @Override
        public Value evaluate(MessageScope scope) {
            Value a = left.evaluate(scope);
            Value b = right.evaluate(scope);
            if (a == Value.UNDEFINED || b == Value.UNDEFINED) {
                return Value.UNDEFINED;
            }
            return Value.Bool.of(operator.test.test(compare(a, b)));
        }

        private static int compare(Value a, Value b) {
            int rankA = typeRank(a);
            int rankB = typeRank(b);
            if (rankA != rankB) {
                return Integer.compare(rankA, rankB);
            }
            if (a instanceof Value.Bool x) {
                return Boolean.compare(x.isTrue(), ((Value.Bool) b).isTrue());
            }
            if (a instanceof Value.Num x) {
                return compareNumbers(x.value(), ((Value.Num) b).value());
            }
            if (a instanceof Value.Str x) {
                return x.value().compareTo(((Value.Str) b).value());
            }
            return 0; // null = null
        }

        /** Like .NET's {@code Double.CompareTo} on non-NaN values: -0.0 equals 0.0. */
        private static int compareNumbers(double x, double y) {
            return x < y ? -1 : (x > y ? 1 : 0);
        }

        private static int typeRank(Value value) {
            if (value instanceof Value.Bool) {
                return 1;
            }
            if (value instanceof Value.Num) {
                return 2;
            }
            if (value instanceof Value.Str) {
                return 3;
            }
            return 4; // null; undefined never gets here
        }
    }

    /**
     * A left-to-right chain of AND, or of OR: {@code a AND b AND c}.
     *
     * <p>A chain rather than nested pairs keeps long generated conditions ({@code id = '1' OR id =
     * '2' OR ...}) from nesting deeply, while evaluating them exactly as edgeHub's left-nested
     * pairs: each step combines the result so far with the next operand.
     *
     * <p>Per step, edgeHub's rules are:
     *
     * <ul>
     *   <li>Booleans and undefined follow three-valued logic: {@code false AND undefined} is false,
     *       {@code true OR undefined} is true, anything else with undefined is undefined.
     *   <li>With the {@code null} literal, AND yields null (false at the top) and OR yields the
     *       other side.
     *   <li>With a {@code $body} value on either side, both sides must be booleans at run time,
     *       else the step is undefined ({@code $body.missing OR true} is undefined).
     * </ul>
     *
     * @param conjunction AND when true, OR when false
     * @param operands two or more
     * @param stepTypes {@code stepTypes[i]} is the static type of the result of the first {@code i
     *     + 1} operands; the last is the chain's type
     */
    record Logical(boolean conjunction, List<Expr> operands, List<ValueType> stepTypes)
            implements Expr {

        public Logical {
            operands = List.copyOf(operands);
            stepTypes = List.copyOf(stepTypes);
        }

        /** The static type of {@code left AND right} or {@code left OR right}. */
        static ValueType resultType(boolean conjunction, ValueType left, ValueType right) {
            boolean isNull =
                    conjunction
                            ? left == ValueType.NULL || right == ValueType.NULL
                            : left == ValueType.NULL && right == ValueType.NULL;
            return isNull ? ValueType.NULL : ValueType.BOOL;
        }

        @Override
        public ValueType type() {
            return stepTypes.get(stepTypes.size() - 1);
        }

        @Override
        public Value evaluate(MessageScope scope) {
            Value result = operands.get(0).evaluate(scope);
            for (int i = 1; i < operands.size(); i++) {
                result = step(result, stepTypes.get(i - 1), operands.get(i), scope);
            }
            return result;
        }

        private Value step(Value left, ValueType leftType, Expr next, MessageScope scope) {
            ValueType rightType = next.type();
            if (conjunction && (leftType == ValueType.NULL || rightType == ValueType.NULL)) {
                return Value.NULL;
            }
            if (leftType == ValueType.DYNAMIC || rightType == ValueType.DYNAMIC) {
                Value right = next.evaluate(scope);
                if (left instanceof Value.Bool a && right instanceof Value.Bool b) {
                    return Value.Bool.of(
                            conjunction ? a.isTrue() && b.isTrue() : a.isTrue() || b.isTrue());
                }
                return Value.UNDEFINED;
            }
            if (!conjunction && leftType == ValueType.NULL) {
                return rightType == ValueType.NULL ? Value.NULL : next.evaluate(scope);
            }
            if (!conjunction && rightType == ValueType.NULL) {
                return left;
            }
            // Three-valued logic; the deciding value makes the other side irrelevant, so it is not
            // evaluated (which can spare parsing the body).
            Value decisive = conjunction ? Value.Bool.FALSE : Value.Bool.TRUE;
            if (left == decisive) {
                return decisive;
            }
            Value right = next.evaluate(scope);
            if (right == decisive) {
                return decisive;
            }
            return left == Value.UNDEFINED || right == Value.UNDEFINED ? Value.UNDEFINED : left;
        }
    }

    /** {@code left ?? right}: left when it is defined, else right. A {@code null} is defined. */
    record Coalesce(Expr left, Expr right, ValueType type) implements Expr {
        @Override
        public Value evaluate(MessageScope scope) {
            Value value = left.evaluate(scope);
            return value != Value.UNDEFINED ? value : right.evaluate(scope);
        }
    }

    /** A call of a built-in function, resolved to one of its signatures when compiled. */
    record Call(Builtin.Signature signature, List<Expr> arguments) implements Expr {

        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public ValueType type() {
            return signature.resultType();
        }

        @Override
        public Value evaluate(MessageScope scope) {
            Value[] values = new Value[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(i).evaluate(scope);
            }
            return signature.apply(values);
        }
    }
}

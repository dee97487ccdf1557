package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.ValueType.BOOL;
import static io.edgejava.hub.routing.ValueType.DYNAMIC;
import static io.edgejava.hub.routing.ValueType.NULL;
import static io.edgejava.hub.routing.ValueType.NUMBER;
import static io.edgejava.hub.routing.ValueType.STRING;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in functions edgeHub's conditions may call, with edgeHub's signatures.
 *
 * <p>Names match in any letter case. Each function has one or more signatures, tried in order (as
 * edgeHub does); a call whose argument types fit none does not compile. Where a signature allows
 * it, a {@code $body} value may stand for an argument and is checked at run time instead: a value
 * of the wrong kind makes the result undefined.
 *
 * <p>edgeHub has no {@code IS_ARRAY}, {@code IS_OBJECT} or {@code IS_PRIMITIVE} (IoT Hub's cloud
 * routing has them), and {@code TWIN_CHANGE_INCLUDES} only works for twin change notifications,
 * which local-edge-hub does not route; {@link #unsupportedReason(String)} explains each.
 */
enum Builtin {
    ABS(numeric(Math::abs)),
    EXP(numeric(Math::exp)),
    POWER(
            dynamic(
                    List.of(NUMBER, NUMBER),
                    NUMBER,
                    args -> numbers(args, (x, y) -> Value.number(Math.pow(x, y))))),
    SQUARE(numeric(x -> Math.pow(x, 2))),
    CEILING(numeric(Math::ceil)),
    FLOOR(numeric(Math::floor)),
    SIGN(numeric(x -> x > 0 ? 1 : (x < 0 ? -1 : 0))),
    SQRT(numeric(Math::sqrt)),

    AS_NUMBER(
            dynamic(List.of(STRING), NUMBER, Builtin::asNumber),
            strict(List.of(NUMBER), NUMBER, args -> args[0])),
    IS_BOOL(
            dynamic(
                    List.of(BOOL),
                    BOOL,
                    args ->
                            args[0] == Value.UNDEFINED
                                    ? Value.UNDEFINED
                                    : Value.Bool.of(args[0] instanceof Value.Bool)),
            anyOne(Value.Bool.FALSE)),
    IS_DEFINED(anyOne(args -> Value.Bool.of(args[0] != Value.UNDEFINED))),
    IS_NULL(
            // A message property is a string and never null.
            strict(List.of(STRING), BOOL, args -> Value.Bool.FALSE),
            strict(
                    List.of(DYNAMIC),
                    BOOL,
                    args ->
                            args[0] == Value.UNDEFINED
                                    ? Value.UNDEFINED
                                    : Value.Bool.of(args[0] == Value.NULL)),
            strict(List.of(NULL), BOOL, args -> Value.Bool.TRUE),
            anyOne(Value.Bool.FALSE)),
    IS_NUMBER(
            dynamic(
                    List.of(NUMBER),
                    BOOL,
                    args ->
                            Value.Bool.of(
                                    args[0] instanceof Value.Num n && Double.isFinite(n.value()))),
            anyOne(Value.Bool.FALSE)),
    IS_STRING(
            dynamic(List.of(STRING), BOOL, args -> Value.Bool.of(args[0] instanceof Value.Str)),
            anyOne(Value.Bool.FALSE)),

    CONCAT(
            new Signature(
                    Arity.VARIADIC,
                    List.of(STRING, STRING),
                    true,
                    STRING,
                    args -> {
                        StringBuilder joined = new StringBuilder();
                        for (Value arg : args) {
                            if (!(arg instanceof Value.Str s)) {
                                return Value.UNDEFINED;
                            }
                            joined.append(s.value());
                        }
                        return new Value.Str(joined.toString());
                    })),
    LENGTH(
            dynamic(
                    List.of(STRING),
                    NUMBER,
                    args -> strings(args, s -> new Value.Num(s[0].length())))),
    LOWER(
            dynamic(
                    List.of(STRING),
                    STRING,
                    args -> strings(args, s -> new Value.Str(s[0].toLowerCase(Locale.ROOT))))),
    UPPER(
            dynamic(
                    List.of(STRING),
                    STRING,
                    args -> strings(args, s -> new Value.Str(s[0].toUpperCase(Locale.ROOT))))),
    SUBSTRING(
            dynamic(List.of(STRING, NUMBER), STRING, Builtin::substringFrom),
            dynamic(List.of(STRING, NUMBER, NUMBER), STRING, Builtin::substringOfLength)),
    INDEX_OF(
            dynamic(
                    List.of(STRING, STRING),
                    NUMBER,
                    args -> strings(args, s -> new Value.Num(s[0].indexOf(s[1]))))),
    STARTS_WITH(
            dynamic(
                    List.of(STRING, STRING),
                    BOOL,
                    args -> strings(args, s -> Value.Bool.of(s[0].startsWith(s[1]))))),
    ENDS_WITH(
            dynamic(
                    List.of(STRING, STRING),
                    BOOL,
                    args -> strings(args, s -> Value.Bool.of(s[0].endsWith(s[1]))))),
    CONTAINS(
            dynamic(
                    List.of(STRING, STRING),
                    BOOL,
                    args -> strings(args, s -> Value.Bool.of(s[0].contains(s[1])))));

    /** How a signature computes its result from evaluated arguments. */
    @FunctionalInterface
    interface Implementation {
        Value apply(Value[] arguments);
    }

    /** How a signature counts its arguments. */
    enum Arity {
        /** Exactly the listed parameters. */
        FIXED,
        /** At least as many arguments as listed parameters, all of the first parameter's type. */
        VARIADIC,
        /** Exactly one argument, of any type. */
        ANY_ONE
    }

    /**
     * One signature of a built-in.
     *
     * @param arity how arguments are counted
     * @param parameters the parameter types (empty for {@link Arity#ANY_ONE})
     * @param dynamicAllowed whether a {@code $body} value may stand for a parameter
     * @param resultType what the call returns
     * @param implementation how it computes the result
     */
    record Signature(
            Arity arity,
            List<ValueType> parameters,
            boolean dynamicAllowed,
            ValueType resultType,
            Implementation implementation) {

        Signature {
            parameters = List.copyOf(parameters);
        }

        boolean accepts(List<ValueType> arguments) {
            return switch (arity) {
                case ANY_ONE -> arguments.size() == 1;
                case VARIADIC ->
                        arguments.size() >= parameters.size()
                                && arguments.stream()
                                        .allMatch(
                                                type ->
                                                        type == parameters.get(0)
                                                                || (dynamicAllowed
                                                                        && type == DYNAMIC));
                case FIXED -> fixedAccepts(arguments);
            };
        }

        private boolean fixedAccepts(List<ValueType> arguments) {
            if (arguments.size() != parameters.size()) {
                return false;
            }
            for (int i = 0; i < arguments.size(); i++) {
                if (!parameters.get(i).accepts(arguments.get(i), dynamicAllowed)) {
                    return false;
                }
            }
            return true;
        }

        Value apply(Value[] arguments) {
            return implementation.apply(arguments);
        }

        /** How error messages show the signature: {@code (string, number)}. */
        String display() {
            if (arity == Arity.ANY_ONE) {
                return "(any value)";
            }
            String listed =
                    parameters.stream()
                            .map(ValueType::displayName)
                            .collect(Collectors.joining(", "));
            return "(" + listed + (arity == Arity.VARIADIC ? ", ..." : "") + ")";
        }
    }

    private static final Map<String, Builtin> BY_NAME =
            Arrays.stream(values())
                    .collect(Collectors.toUnmodifiableMap(Builtin::name, Function.identity()));

    private static final Set<String> IOT_HUB_ONLY = Set.of("IS_ARRAY", "IS_OBJECT", "IS_PRIMITIVE");

    // What .NET's double.Parse(s, NumberStyles.Any, InvariantCulture) accepts for plain numbers:
    // surrounding whitespace, a leading sign, ',' thousands separators in the integer part, a
    // decimal point and an exponent. (It also accepts currency symbols, parentheses and trailing
    // signs; nobody sends those in a message property.)
    private static final Pattern DOTNET_NUMBER =
            Pattern.compile("[+-]?(?:\\d[\\d,]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern DOTNET_INFINITY = Pattern.compile("[+-]?Infinity");

    private final List<Signature> signatures;

    Builtin(Signature... signatures) {
        this.signatures = List.of(signatures);
    }

    /**
     * Finds a built-in by name.
     *
     * @param name as written in the condition, any letter case
     * @return the built-in, or empty when edgeHub has none by that name
     */
    static Optional<Builtin> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
    }

    /**
     * Explains why a name that is not a built-in here is still a known function elsewhere.
     *
     * @param name as written in the condition
     * @return the explanation, or empty when the name means nothing
     */
    static Optional<String> unsupportedReason(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (IOT_HUB_ONLY.contains(upper)) {
            return Optional.of(
                    "function '"
                            + name
                            + "' belongs to IoT Hub's cloud routing language; edgeHub does not"
                            + " support it");
        }
        if (upper.equals("TWIN_CHANGE_INCLUDES")) {
            return Optional.of(
                    "function '"
                            + name
                            + "' only works in routes from /twinChangeNotifications, which"
                            + " local-edge-hub does not route");
        }
        return Optional.empty();
    }

    /**
     * Picks the first signature the argument types fit.
     *
     * @param argumentTypes the static types of the arguments
     * @return the signature, or empty when the call does not compile
     */
    Optional<Signature> resolve(List<ValueType> argumentTypes) {
        return signatures.stream().filter(s -> s.accepts(argumentTypes)).findFirst();
    }

    /** Whether some fixed-arity signature takes a number at this argument position. */
    boolean expectsNumberAt(int index) {
        return signatures.stream()
                .anyMatch(
                        s ->
                                s.arity() == Arity.FIXED
                                        && index < s.parameters().size()
                                        && s.parameters().get(index) == NUMBER);
    }

    /** The signatures as error messages list them: {@code (string) or (number)}. */
    String displaySignatures() {
        return signatures.stream().map(Signature::display).collect(Collectors.joining(" or "));
    }

    private static Signature dynamic(
            List<ValueType> parameters, ValueType result, Implementation implementation) {
        return new Signature(Arity.FIXED, parameters, true, result, implementation);
    }

    private static Signature strict(
            List<ValueType> parameters, ValueType result, Implementation implementation) {
        return new Signature(Arity.FIXED, parameters, false, result, implementation);
    }

    private static Signature anyOne(Implementation implementation) {
        return new Signature(Arity.ANY_ONE, List.of(), false, BOOL, implementation);
    }

    private static Signature anyOne(Value constant) {
        return anyOne(args -> constant);
    }

    private static Signature numeric(DoubleUnaryOperator function) {
        return dynamic(
                List.of(NUMBER),
                NUMBER,
                args ->
                        args[0] instanceof Value.Num n
                                ? Value.number(function.applyAsDouble(n.value()))
                                : Value.UNDEFINED);
    }

    private interface NumberPair {
        Value apply(double x, double y);
    }

    private static Value numbers(Value[] args, NumberPair function) {
        return args[0] instanceof Value.Num x && args[1] instanceof Value.Num y
                ? function.apply(x.value(), y.value())
                : Value.UNDEFINED;
    }

    /** Applies {@code function} to the arguments if all are strings; else undefined. */
    private static Value strings(Value[] args, Function<String[], Value> function) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof Value.Str s)) {
                return Value.UNDEFINED;
            }
            strings[i] = s.value();
        }
        return function.apply(strings);
    }

    private static Value asNumber(Value[] args) {
        if (args[0] instanceof Value.Num) {
            return args[0];
        }
        if (!(args[0] instanceof Value.Str s)) {
            return Value.UNDEFINED;
        }
        String text = s.value().strip();
        if (DOTNET_INFINITY.matcher(text).matches()) {
            return new Value.Num(
                    text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (!DOTNET_NUMBER.matcher(text).matches()) {
            return Value.UNDEFINED;
        }
        return Value.number(Double.parseDouble(text.replace(",", "")));
    }

    /** {@code SUBSTRING(s, start)}: start may equal the length (giving ''), never exceed it. */
    private static Value substringFrom(Value[] args) {
        if (!(args[0] instanceof Value.Str s) || !(args[1] instanceof Value.Num start)) {
            return Value.UNDEFINED;
        }
        String string = s.value();
        double from = start.value();
        if (from < 0 || from > string.length()) {
            return Value.UNDEFINED;
        }
        return new Value.Str(string.substring((int) from));
    }

    /**
     * {@code SUBSTRING(s, start, length)}: edgeHub requires start strictly inside the string (so
     * {@code SUBSTRING('', 0, 0)} is undefined) and the length to fit.
     */
    private static Value substringOfLength(Value[] args) {
        if (!(args[0] instanceof Value.Str s)
                || !(args[1] instanceof Value.Num start)
                || !(args[2] instanceof Value.Num length)) {
            return Value.UNDEFINED;
        }
        String string = s.value();
        double from = start.value();
        double count = length.value();
        if (from < 0 || from >= string.length() || count < 0 || count > string.length() - from) {
            return Value.UNDEFINED;
        }
        int begin = (int) from;
        return new Value.Str(string.substring(begin, begin + (int) count));
    }
}

package io.edgejava.hub.routing;

/**
 * A run-time value of the condition language.
 *
 * <p>edgeHub's language has no integers (every number is a {@code double}) and two kinds of
 * "nothing": {@link Null} is a value a message can carry ({@code null} in a JSON body), {@link
 * Undefined} means there is no value at all (a missing property, {@code 3 % 0}, a comparison with
 * something undefined). A condition that ends undefined routes nothing.
 */
sealed interface Value {

    /** No value. */
    enum Undefined implements Value {
        INSTANCE
    }

    /** The {@code null} literal, or a JSON {@code null} (or absent field) in the body. */
    enum Null implements Value {
        INSTANCE
    }

    /** A boolean. */
    enum Bool implements Value {
        TRUE,
        FALSE;

        static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }

        boolean isTrue() {
            return this == TRUE;
        }
    }

    /**
     * A number. Never NaN: like edgeHub, which represents an undefined number as NaN, every
     * operation that yields NaN yields {@link Undefined} instead (see {@link #number(double)}).
     * Infinities are ordinary numbers ({@code 3 / 0} is defined).
     */
    record Num(double value) implements Value {}

    /** A string. */
    record Str(String value) implements Value {}

    /** The single undefined value. */
    Value UNDEFINED = Undefined.INSTANCE;

    /** The single null value. */
    Value NULL = Null.INSTANCE;

    /**
     * Wraps a number, mapping NaN to {@link #UNDEFINED}.
     *
     * @param value any double
     * @return the number, or undefined when it is NaN
     */
    static Value number(double value) {
        return Double.isNaN(value) ? UNDEFINED : new Num(value);
    }

    /**
     * Wraps a string that may be absent.
     *
     * @param value a string, or {@code null} for "no such property"
     * @return the string, or undefined when it is {@code null}
     */
    static Value stringOrUndefined(String value) {
        return value == null ? UNDEFINED : new Str(value);
    }
}

package io.edgejava.hub.routing;

/**
 * The static type of a condition expression.
 *
 * <p>edgeHub compiles a condition into a typed expression tree before it routes anything, and an
 * operator or function applied to the wrong types is a compile error, not an undefined result:
 * {@code temperature > 30} does not compile, because an application property is a string. Only
 * {@code $body} queries are typed at run time ({@link #DYNAMIC}); they may meet any {@link
 * #isConcrete() concrete} type except undefined.
 */
enum ValueType {
    STRING("string"),
    NUMBER("number"),
    BOOL("bool"),
    NULL("null"),
    UNDEFINED("undefined"),
    /** A {@code $body} query: string, number, bool or null at run time, or undefined. */
    DYNAMIC("$body value");

    private final String displayName;

    ValueType(String displayName) {
        this.displayName = displayName;
    }

    /** The name error messages use. */
    String displayName() {
        return displayName;
    }

    /** Whether a {@code $body} value may stand in for this type (edgeHub: a supported type). */
    boolean isConcrete() {
        return this == STRING || this == NUMBER || this == BOOL || this == NULL;
    }

    /**
     * Whether an operand of type {@code given} fits where {@code this} is expected, following
     * edgeHub's rule: the same type, or a {@code $body} value on either side of a concrete type.
     *
     * @param given the operand's type
     * @param dynamicAllowed whether {@code $body} values may stand in (not every built-in allows
     *     it)
     * @return whether the operand fits
     */
    boolean accepts(ValueType given, boolean dynamicAllowed) {
        if (this == given) {
            return true;
        }
        return dynamicAllowed
                && ((given == DYNAMIC && isConcrete()) || (this == DYNAMIC && given.isConcrete()));
    }
}

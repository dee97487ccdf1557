package io.edgejava.edge;

/**
 * What a {@link DirectMethod} handler answers when it chooses the status itself.
 *
 * @param status the status code, for example 200, 400, 404
 * @param payload the answer's payload, serialized as JSON; may be {@code null}
 */
public record MethodResult(int status, Object payload) {

    /**
     * @param payload the answer's payload
     * @return an answer with status 200
     */
    public static MethodResult ok(Object payload) {
        return new MethodResult(200, payload);
    }
}

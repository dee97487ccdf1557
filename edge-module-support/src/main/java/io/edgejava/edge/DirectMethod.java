package io.edgejava.edge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that answers a direct method of this module.
 *
 * <p>The method takes no parameter, or one that is bound from the request's JSON payload (declare
 * {@code byte[]} for the raw payload). It returns the answer's payload, serialized as JSON with
 * status 200, or a {@link MethodResult} to choose the status; {@code void} answers 200 with no
 * payload. An exception answers 500 with its message. Handlers run on their own threads, never on
 * the client's, so a handler may take its time and may itself invoke other modules.
 *
 * <pre>{@code
 * @DirectMethod("SetThreshold")
 * Threshold setThreshold(Threshold requested) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DirectMethod {

    /**
     * @return the method name callers use
     */
    String value();
}

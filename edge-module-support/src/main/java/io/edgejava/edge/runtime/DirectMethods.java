package io.edgejava.edge.runtime;

import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.MethodResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link DirectMethod} handlers of the module's beans, found as the beans are created, and the
 * dispatch of a request to its handler.
 */
final class DirectMethods implements BeanPostProcessor {

    private record Handler(Object bean, Method method, String beanName) {}

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** Looked up when first needed: a post-processor that took it at once would create it early. */
    private final ObjectProvider<JsonMapper> json;

    DirectMethods(ObjectProvider<JsonMapper> json) {
        this.json = json;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, DirectMethod> annotated =
                MethodIntrospector.selectMethods(
                        type,
                        (MethodIntrospector.MetadataLookup<DirectMethod>)
                                method ->
                                        AnnotatedElementUtils.findMergedAnnotation(
                                                method, DirectMethod.class));
        annotated.forEach(
                (method, annotation) -> register(annotation.value(), bean, method, beanName));
        return bean;
    }

    private void register(String name, Object bean, Method method, String beanName) {
        if (method.getParameterCount() > 1) {
            throw new IllegalStateException(
                    "@DirectMethod(\""
                            + name
                            + "\") on "
                            + beanName
                            + "."
                            + method.getName()
                            + " takes "
                            + method.getParameterCount()
                            + " parameters; it may take none or one (the payload)");
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        invocable.setAccessible(true);
        Handler previous = handlers.putIfAbsent(name, new Handler(bean, invocable, beanName));
        if (previous != null) {
            throw new IllegalStateException(
                    "Two handlers for direct method '"
                            + name
                            + "': "
                            + previous.beanName()
                            + "."
                            + previous.method().getName()
                            + " and "
                            + beanName
                            + "."
                            + method.getName());
        }
    }

    /**
     * Runs the handler of a request.
     *
     * @return the status and JSON payload to answer with
     */
    MethodResult dispatch(String name, byte[] payload, String moduleId) {
        Handler handler = handlers.get(name);
        if (handler == null) {
            return error(501, "module '" + moduleId + "' has no direct method '" + name + "'");
        }
        Object[] arguments;
        try {
            arguments = arguments(handler.method(), payload);
        } catch (JacksonException e) {
            return error(
                    400,
                    "the payload of '"
                            + name
                            + "' is not JSON of the expected shape: "
                            + e.getOriginalMessage());
        }
        try {
            Object result = handler.method().invoke(handler.bean(), arguments);
            return result instanceof MethodResult answer ? answer : MethodResult.ok(result);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return error(
                    500,
                    cause.getMessage() == null
                            ? cause.getClass().getSimpleName()
                            : cause.getMessage());
        } catch (IllegalAccessException e) {
            return error(500, "cannot call the handler: " + e.getMessage());
        }
    }

    private Object[] arguments(Method method, byte[] payload) {
        if (method.getParameterCount() == 0) {
            return new Object[0];
        }
        Class<?> type = method.getParameterTypes()[0];
        if (type == byte[].class) {
            return new Object[] {payload};
        }
        JsonMapper mapper = json.getIfAvailable(() -> JsonMapper.builder().build());
        return new Object[] {mapper.readValue(payload, type)};
    }

    private static MethodResult error(int status, String message) {
        return new MethodResult(status, Map.of("message", message));
    }
}

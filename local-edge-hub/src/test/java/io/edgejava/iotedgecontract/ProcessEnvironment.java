package io.edgejava.iotedgecontract;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

/**
 * Sets the environment variables of this test process. The Azure IoT Device SDK's {@code
 * ModuleClient.createFromEnvironment} reads {@code System.getenv()} and nothing else, and these
 * tests run several modules in one JVM, so each module's variables are put in place just before it
 * starts (modules start one after the other). Needs {@code --add-opens java.base/java.util} (the
 * surefire configuration of this module gives it).
 */
final class ProcessEnvironment {

    /** Every variable the SDK reads to find its hub. */
    private static final Set<String> IOT_EDGE =
            Set.of(
                    "EdgeHubConnectionString",
                    "IotHubConnectionString",
                    "EdgeModuleCACertificateFile",
                    "IOTEDGE_WORKLOADURI",
                    "IOTEDGE_DEVICEID",
                    "IOTEDGE_MODULEID",
                    "IOTEDGE_IOTHUBHOSTNAME",
                    "IOTEDGE_AUTHSCHEME",
                    "IOTEDGE_GATEWAYHOSTNAME",
                    "IOTEDGE_MODULEGENERATIONID",
                    "IOTEDGE_APIVERSION");

    private ProcessEnvironment() {}

    /** Replaces every IoT Edge variable with {@code variables}. */
    static synchronized void useIotEdge(Map<String, String> variables) {
        Map<String, String> environment = writable();
        IOT_EDGE.forEach(environment::remove);
        environment.putAll(variables);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> writable() {
        Map<String, String> unmodifiable = System.getenv();
        try {
            Field inner = unmodifiable.getClass().getDeclaredField("m");
            inner.setAccessible(true);
            return (Map<String, String>) inner.get(unmodifiable);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot set environment variables in this JVM; run it with --add-opens"
                            + " java.base/java.util=ALL-UNNAMED",
                    e);
        }
    }
}

package io.edgejava.hub.testing;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The admin API of a hub a test runs in-process, for what the transport contract asks of it. */
public final class HubAdminApi {

    private HubAdminApi() {}

    /**
     * @param hub the running hub
     * @return a client on its admin API
     */
    public static RestClient of(ConfigurableApplicationContext hub) {
        return RestClient.create(
                "http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port"));
    }

    /** Merges a JSON patch into a module's desired properties. */
    public static void patchDesired(
            ConfigurableApplicationContext hub, String module, String patch) {
        of(hub).patch()
                .uri("/api/twins/{module}/desired", module)
                .contentType(MediaType.APPLICATION_JSON)
                .body(patch)
                .retrieve()
                .toBodilessEntity();
    }

    /**
     * @return a module's twin, JSON
     */
    public static String twin(ConfigurableApplicationContext hub, String module) {
        return of(hub).get().uri("/api/twins/{module}", module).retrieve().body(String.class);
    }
}

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The images' HEALTHCHECK: asks this container's own Spring Boot health endpoint and exits 0 only
 * when it answers 200 (UP). A JDK class rather than curl or wget, so that any JRE base image can
 * stand in, including slim and distroless ones that have neither.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) throws Exception {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(4000);
            int status = connection.getResponseCode();
            System.out.println(health + " answered " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (java.io.IOException e) {
            System.out.println(health + " did not answer: " + e);
            System.exit(1);
        }
    }
}

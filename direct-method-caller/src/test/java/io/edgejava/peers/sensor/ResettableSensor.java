package io.edgejava.peers.sensor;

import io.edgejava.edge.DirectMethod;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Plays sensor-module: answers {@code Reset} and counts the calls. */
@SpringBootApplication
public class ResettableSensor {

    /** How many times {@code Reset} was called. */
    public static final class Resets {
        private final AtomicInteger count = new AtomicInteger();

        public int count() {
            return count.get();
        }
    }

    @Bean
    Resets resets() {
        return new Resets();
    }

    @Bean
    ResetMethod resetMethod(Resets resets) {
        return new ResetMethod(resets);
    }

    static final class ResetMethod {
        private final Resets resets;

        ResetMethod(Resets resets) {
            this.resets = resets;
        }

        @DirectMethod("Reset")
        Map<String, Object> reset() {
            return Map.of("reset", true, "count", resets.count.incrementAndGet());
        }
    }
}

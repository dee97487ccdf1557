package io.edgejava.peers.stats;

import io.edgejava.edge.DirectMethod;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Plays filter-module or sql-writer-module: {@code GetStats} answers (or throws, with {@code
 * --peer.fail-get-stats=true}), {@code Fail} throws, {@code Slow} answers after 5 s.
 */
@SpringBootApplication
public class StatsPeer {

    /** What the peer was asked. */
    public static final class Calls {
        private final AtomicInteger getStats = new AtomicInteger();

        public int getStats() {
            return getStats.get();
        }
    }

    @Bean
    Calls calls() {
        return new Calls();
    }

    @Bean
    Methods methods(Calls calls, @Value("${peer.fail-get-stats:false}") boolean failGetStats) {
        return new Methods(calls, failGetStats);
    }

    static final class Methods implements AutoCloseable {
        private final Calls calls;
        private final boolean failGetStats;

        /** Released when the peer stops, so that a slow call does not hold up its shutdown. */
        private final CountDownLatch stopping = new CountDownLatch(1);

        Methods(Calls calls, boolean failGetStats) {
            this.calls = calls;
            this.failGetStats = failGetStats;
        }

        @DirectMethod("GetStats")
        Map<String, Object> getStats() {
            int call = calls.getStats.incrementAndGet();
            if (failGetStats) {
                throw new IllegalStateException("stats are unavailable");
            }
            return Map.of("received", 42, "call", call);
        }

        @DirectMethod("Fail")
        Map<String, Object> fail() {
            throw new IllegalStateException("the disk is full");
        }

        @DirectMethod("Slow")
        Map<String, Object> slow() throws InterruptedException {
            stopping.await(5, TimeUnit.SECONDS);
            return Map.of("late", true);
        }

        @Override
        public void close() {
            stopping.countDown();
        }
    }
}

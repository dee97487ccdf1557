package io.edgejava.edge.testing;

import io.edgejava.edge.DesiredPropertiesListener;
import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.MethodResult;
import io.edgejava.edge.RetryLaterException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The module the transport contract runs, as any user would write one: flows from inputs, direct
 * method handlers, a desired properties listener.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ContractModule {

    /** Inputs every contract module reads. */
    public static final String IN = "in";

    /** An input whose flow always fails. */
    public static final String FAILING = "failing";

    /** An input whose flow needs {@link Dependency}, and postpones messages while it is down. */
    public static final String NEEDS_DEPENDENCY = "needsDependency";

    /** An input that receives another module's dead letters. */
    public static final String DEAD_LETTERS = "deadLetters";

    @Bean
    Inbox inbox() {
        return new Inbox();
    }

    @Bean
    IntegrationFlow received(EdgeHub hub, Inbox inbox) {
        return IntegrationFlow.from(hub.input(IN)).handle(message -> inbox.add(IN, message)).get();
    }

    @Bean
    IntegrationFlow deadLetters(EdgeHub hub, Inbox inbox) {
        return IntegrationFlow.from(hub.input(DEAD_LETTERS))
                .handle(message -> inbox.add(DEAD_LETTERS, message))
                .get();
    }

    @Bean
    IntegrationFlow failing(EdgeHub hub, Inbox inbox) {
        return IntegrationFlow.from(hub.input(FAILING))
                .handle(
                        message -> {
                            inbox.add(FAILING, message);
                            throw new IllegalStateException("the failing flow failed, as it must");
                        })
                .get();
    }

    @Bean
    Dependency dependency() {
        return new Dependency();
    }

    @Bean
    IntegrationFlow needsDependency(EdgeHub hub, Inbox inbox, Dependency dependency) {
        return IntegrationFlow.from(hub.input(NEEDS_DEPENDENCY))
                .handle(
                        message -> {
                            dependency.tries.incrementAndGet();
                            if (!dependency.up) {
                                throw new RetryLaterException(
                                        "the dependency is down", new IllegalStateException());
                            }
                            inbox.add(NEEDS_DEPENDENCY, message);
                        })
                .get();
    }

    /** Something a flow needs, such as a database, that a test can take down and bring back. */
    public static class Dependency {
        volatile boolean up = true;
        final AtomicInteger tries = new AtomicInteger();

        /** Takes it down or brings it back. */
        public void setUp(boolean up) {
            this.up = up;
        }

        /**
         * @return how many times a flow tried to use it
         */
        public int tries() {
            return tries.get();
        }
    }

    @Bean
    DesiredPropertiesListener recordDesired(Inbox inbox) {
        return inbox::desired;
    }

    @Bean
    Methods methods() {
        return new Methods();
    }

    /** Direct method handlers. */
    public static class Methods {

        /** What Echo takes and answers. */
        public record Echo(String text) {}

        private final CountDownLatch never = new CountDownLatch(1);

        @DirectMethod("Echo")
        Echo echo(Echo request) {
            return new Echo(request.text());
        }

        @DirectMethod("Teapot")
        MethodResult teapot() {
            return new MethodResult(418, Map.of("message", "short and stout"));
        }

        @DirectMethod("Fail")
        void fail() {
            throw new IllegalArgumentException("Fail fails on purpose");
        }

        /** Answers only after the caller has given up: how a hung handler looks to the caller. */
        @DirectMethod("Hang")
        void hang() throws InterruptedException {
            never.await(5, TimeUnit.SECONDS);
        }
    }
}

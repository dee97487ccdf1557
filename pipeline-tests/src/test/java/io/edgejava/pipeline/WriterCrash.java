package io.edgejava.pipeline;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeHub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.InterceptableChannel;

/**
 * A test hook around sql-writer-module's input {@code readings}: it sees each reading the writer's
 * flow is handed, and, once armed, freezes the input thread right after the flow returned for a
 * reading, that is after its transaction committed and before the module acknowledges it to the
 * hub. The writer is then as a process killed at that point: the rows are in, the hub still has the
 * message. Installed from the test, in the writer's context, around the channel that {@link
 * EdgeHub#input} gives the flow; nothing in the writer's code knows of it.
 */
final class WriterCrash implements ChannelInterceptor {

    /** How long a frozen thread waits to be released, should a test forget to. */
    private static final Duration FROZEN_AT_MOST = Duration.ofMinutes(2);

    private final List<String> handed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch crashed = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String crashedMessageId;

    /**
     * @return an initializer for the writer's context that puts this hook around input {@code
     *     readings} before the module connects (the first messages arrive right after it does)
     */
    ApplicationContextInitializer<ConfigurableApplicationContext> installer() {
        return context ->
                context.getBeanFactory()
                        .addBeanPostProcessor(
                                new BeanPostProcessor() {
                                    @Override
                                    public Object postProcessAfterInitialization(
                                            Object bean, String name) {
                                        if (bean instanceof EdgeHub hub
                                                && hub.input("readings")
                                                        instanceof InterceptableChannel input) {
                                            input.addInterceptor(WriterCrash.this);
                                        }
                                        return bean;
                                    }
                                });
    }

    /** The next reading the flow handles without an error freezes the writer. */
    void arm() {
        armed.set(true);
    }

    /**
     * @return whether the writer froze within the time
     */
    boolean awaitCrash(Duration atMost) throws InterruptedException {
        return crashed.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Lets the frozen thread go on, once its module is closed: its acknowledgement goes nowhere.
     */
    void release() {
        released.countDown();
    }

    /**
     * @return the message id of the reading that was committed and never acknowledged
     */
    String crashedMessageId() {
        return crashedMessageId;
    }

    /**
     * @return the message ids of the readings handed to the flow, in order, redeliveries included
     */
    List<String> handed() {
        return List.copyOf(handed);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        handed.add(String.valueOf(message.getHeaders().get(EdgeHeaders.MESSAGE_ID)));
        return message;
    }

    @Override
    public void afterSendCompletion(
            Message<?> message, MessageChannel channel, boolean sent, Exception failure) {
        if (failure != null || !sent || !armed.compareAndSet(true, false)) {
            return;
        }
        crashedMessageId = String.valueOf(message.getHeaders().get(EdgeHeaders.MESSAGE_ID));
        crashed.countDown();
        try {
            released.await(FROZEN_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

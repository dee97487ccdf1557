package io.edgejava.sensor.telemetry;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.SensorProperties;
import io.edgejava.sensor.batch.BatchPublisher;
import io.edgejava.sensor.simulation.MachineSimulator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

    /**
     * A thread of the sensor's own: sending waits for the hub's acknowledgement, and that wait must
     * not hold up the scheduler Spring Integration shares with the hub connection.
     */
    @Bean
    ThreadPoolTaskScheduler readingScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("sensor-readings-");
        scheduler.setPoolSize(1);
        return scheduler;
    }

    @Bean
    ReadingSchedule readingSchedule(
            SensorProperties properties,
            MachineSimulator machine,
            BatchPublisher batches,
            EdgeHub hub,
            EdgeJson json,
            @Qualifier("readingScheduler") ThreadPoolTaskScheduler scheduler) {
        return new ReadingSchedule(
                new SendSettings(properties.sendData(), properties.sendInterval()),
                properties.messageCount(),
                machine,
                batches,
                hub,
                json,
                scheduler);
    }
}

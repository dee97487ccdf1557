package io.edgejava.sensor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.DesiredProperties;
import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.SensorProperties;
import io.edgejava.sensor.batch.BatchPublisher;
import io.edgejava.sensor.simulation.MachineSimulator;
import io.edgejava.sensor.testing.Machines;
import io.edgejava.sensor.testing.RecordingHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.Message;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ExtendWith(OutputCaptureExtension.class)
class ReadingScheduleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path folder;

    private final RecordingHub hub = new RecordingHub();
    private final MachineSimulator machine = Machines.seeded(5);
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    @AfterEach
    void stopScheduler() {
        scheduler.destroy();
    }

    @Test
    void aReadingTheHubRefusesIsSkippedAndTheSequenceCountsOnlyAcceptedOnes() {
        ReadingSchedule schedule = schedule(new SendSettings(true, Duration.ofSeconds(1)), -1);

        schedule.sendReading();
        hub.refuseNext(1);
        schedule.sendReading();
        schedule.sendReading();

        assertThat(sequenceNumbers()).containsExactly("1", "2");
        assertThat(schedule.sent()).isEqualTo(2);
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEndsWithTheCountSkipped(
            CapturedOutput output) {
        ReadingSchedule schedule = schedule(new SendSettings(true, Duration.ofSeconds(1)), -1);

        hub.refuseNext(50);
        for (int i = 0; i < 51; i++) {
            schedule.sendReading();
        }

        assertThat(sequenceNumbers()).containsExactly("1");
        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ")))
                .singleElement()
                .asString()
                .contains("Reading 1 not sent, the hub did not take it");
        assertThat(output.getOut()).contains("The hub takes readings again; 50 were skipped");
    }

    @Test
    void theMessageCountEndsTheSchedule() {
        ReadingSchedule schedule = schedule(new SendSettings(true, Duration.ofSeconds(1)), 3);

        for (int i = 0; i < 5; i++) {
            schedule.sendReading();
        }

        assertThat(sequenceNumbers()).containsExactly("1", "2", "3");
    }

    @Test
    void withSendDataFalseTheMachineRunsButNothingIsSent() {
        ReadingSchedule schedule = schedule(new SendSettings(false, Duration.ofSeconds(1)), -1);

        for (int i = 0; i < 30; i++) {
            schedule.sendReading();
        }

        assertThat(hub.sent()).isEmpty();
        assertThat(machine.next().machineTemperature()).isGreaterThan(25);
    }

    @Test
    void theSettingsInEffectAreReportedAtStartAndAfterEveryDesiredChange() {
        ReadingSchedule schedule = schedule(new SendSettings(true, Duration.ofSeconds(5)), -1);

        schedule.start();
        schedule.onDesiredProperties(desired("{\"SendData\": false, \"SendInterval\": -1}"));

        assertThat(hub.reported())
                .containsExactly(
                        Map.of("SendData", true, "SendInterval", 5L),
                        Map.of("SendData", false, "SendInterval", 5L));
        assertThat(schedule.settings()).isEqualTo(new SendSettings(false, Duration.ofSeconds(5)));
    }

    @Test
    void aNewIntervalTakesEffectAtOnce() {
        ReadingSchedule schedule = schedule(new SendSettings(true, Duration.ofHours(1)), -1);
        schedule.start();

        schedule.onDesiredProperties(desired("{\"SendInterval\": 0.05}"));

        await().atMost(Duration.ofSeconds(5)).until(() -> schedule.sent() >= 3);
        schedule.stop();
    }

    private ReadingSchedule schedule(SendSettings initial, long messageCount) {
        scheduler.initialize();
        BatchPublisher noBatches =
                new BatchPublisher(
                        new SensorProperties.Batch(false, folder.toString(), 10, 10),
                        machine,
                        hub,
                        new EdgeJson(JSON),
                        Machines.fixedClock());
        return new ReadingSchedule(
                initial, messageCount, machine, noBatches, hub, new EdgeJson(JSON), scheduler);
    }

    @SuppressWarnings("unchecked")
    private List<String> sequenceNumbers() {
        return hub.sentOn(ReadingSchedule.OUTPUT).stream()
                .map(Message::getHeaders)
                .map(headers -> (Map<String, String>) headers.get(EdgeHeaders.PROPERTIES))
                .map(properties -> properties.get("sequenceNumber"))
                .toList();
    }

    private static DesiredProperties desired(String json) {
        return new DesiredProperties(2, (ObjectNode) JSON.readTree(json));
    }
}

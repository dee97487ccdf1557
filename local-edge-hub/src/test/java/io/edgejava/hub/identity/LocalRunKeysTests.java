package io.edgejava.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.hub.testing.LocalHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * dev/LocalRun.java, the no-Docker launcher, is a single source file with no dependency, so it
 * derives the modules' keys itself: it must derive the keys this hub expects.
 */
class LocalRunKeysTests {

    @Test
    void theLauncherGivesEachModuleTheKeyTheHubDerivesFromItsDevelopmentKey()
            throws IOException, InterruptedException {
        Path root = LocalHub.projectManifest().getParent();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process launcher =
                new ProcessBuilder(java, "dev/LocalRun.java", "--keys")
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .start();
        String output =
                new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).as(output).isZero();

        ModuleKeys keys = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);
        assertThat(output.lines())
                .containsExactlyInAnyOrder(
                        "sensor-module " + keys.keyOf("sensor-module"),
                        "filter-module " + keys.keyOf("filter-module"),
                        "sql-writer-module " + keys.keyOf("sql-writer-module"),
                        "direct-method-caller " + keys.keyOf("direct-method-caller"));
    }
}

package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two Dockerfiles every image is built from: the debug one differs only by its JDWP agent, the
 * build stage copies every reactor module's pom (or the dependency layer would miss one and the
 * build fail), and no secret can reach an image layer.
 */
class DockerfileTests {

    private static final Path ROOT = Path.of("..");
    private static final String JDWP =
            "\"-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005\", ";

    @Test
    void theDebugDockerfileIsTheReleaseOnePlusAJdwpAgentOnPort5005() throws IOException {
        List<String> release = Files.readAllLines(ROOT.resolve("docker/Dockerfile"));
        List<String> debug = Files.readAllLines(ROOT.resolve("docker/Dockerfile.debug"));

        assertThat(debug).anyMatch(line -> line.startsWith("ENTRYPOINT ") && line.contains(JDWP));
        assertThat(debug).contains("EXPOSE 8080 5005");
        List<String> debugWithoutAgent = new ArrayList<>();
        for (String line : debug.subList(debug.indexOf(release.get(0)), debug.size())) {
            debugWithoutAgent.add(
                    line.replace(JDWP, "").replace("EXPOSE 8080 5005", "EXPOSE 8080"));
        }
        assertThat(debugWithoutAgent)
                .as("Dockerfile.debug, after its own header, without the agent")
                .isEqualTo(release);
    }

    @Test
    void theBuildStageCopiesEveryReactorModulesPomBeforeFetchingDependencies() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        Matcher module =
                Pattern.compile("<module>([^<]+)</module>")
                        .matcher(Files.readString(ROOT.resolve("pom.xml")));
        int modules = 0;
        while (module.find()) {
            String copy = "COPY " + module.group(1) + "/pom.xml " + module.group(1) + "/";
            assertThat(dockerfile).contains(copy);
            assertThat(dockerfile.indexOf(copy))
                    .isLessThan(dockerfile.indexOf("dependency:go-offline"));
            modules++;
        }
        assertThat(modules).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theBuildStageBuildsEveryApplicationComposeAndTheModuleJsonsBuild() throws IOException {
        Matcher applications =
                Pattern.compile("ARG APPLICATIONS=\"([^\"]+)\"")
                        .matcher(Files.readString(ROOT.resolve("docker/Dockerfile")));
        assertThat(applications.find()).isTrue();
        List<String> built = List.of(applications.group(1).split(" "));
        Matcher compose =
                Pattern.compile("MODULE=([a-z-]+)")
                        .matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        int images = 0;
        while (compose.find()) {
            assertThat(built).contains(compose.group(1));
            images++;
        }
        assertThat(images).isGreaterThanOrEqualTo(5);
        for (String module : ModuleJsonTests.modulesBuiltHere()) {
            assertThat(Files.readString(ROOT.resolve(module).resolve("module.json")))
                    .contains("MODULE=" + module);
            assertThat(built).contains(module);
        }
    }

    @Test
    void noSecretCanReachAnImage() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertThat(ignored).as(".env is not sent to the build").contains(".env", ".env.*");

        for (String file : List.of("docker/Dockerfile", "docker/Dockerfile.debug")) {
            for (String line : Files.readAllLines(ROOT.resolve(file))) {
                if (line.startsWith("ENV ") || line.startsWith("ARG ")) {
                    assertThat(line.toUpperCase())
                            .as("%s: %s", file, line)
                            .doesNotContain("PASSWORD", "SECRET", "KEY");
                }
            }
        }
    }

    @Test
    void theImageRunsAsAFixedNonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

        assertThat(dockerfile).contains("\nUSER 10001:10001\n").contains("\nHEALTHCHECK ");
        assertThat(dockerfile.lastIndexOf("\nUSER "))
                .as("no later USER switches back")
                .isGreaterThan(dockerfile.lastIndexOf("\nFROM "));
    }
}

package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variables come from the env file first, then from the environment; an unknown one is an error.
 */
class VariablesTests {

    @TempDir Path folder;

    private Path envFile(String content) throws IOException {
        return Files.writeString(folder.resolve(".env"), content);
    }

    @Test
    void theEnvFileIsReadAsDockerComposeWritesIt() throws IOException {
        Variables variables =
                Variables.load(
                        envFile(
                                """
                                # a comment
                                PLAIN=value
                                  SPACED = spaced value\s
                                export EXPORTED=1
                                DOUBLE="with # hash"
                                SINGLE='$NOT_EXPANDED'
                                COMMENTED=abc # a note
                                EMPTY=
                                """),
                        true,
                        Map.of());

        assertThat(variables.value("PLAIN", "t")).isEqualTo("value");
        assertThat(variables.value("SPACED", "t")).isEqualTo("spaced value");
        assertThat(variables.value("EXPORTED", "t")).isEqualTo("1");
        assertThat(variables.value("DOUBLE", "t")).isEqualTo("with # hash");
        assertThat(variables.value("SINGLE", "t")).isEqualTo("$NOT_EXPANDED");
        assertThat(variables.value("COMMENTED", "t")).isEqualTo("abc");
        assertThat(variables.value("EMPTY", "t")).isEmpty();
    }

    @Test
    void theEnvFileWinsOverTheEnvironmentWhichFillsInTheRest() throws IOException {
        Variables variables =
                Variables.load(
                        envFile("SHARED=from-file\n"),
                        true,
                        Map.of("SHARED", "from-environment", "ONLY_ENV", "env"));

        assertThat(variables.value("SHARED", "t")).isEqualTo("from-file");
        assertThat(variables.value("ONLY_ENV", "t")).isEqualTo("env");
    }

    @Test
    void anUnknownVariableIsAnErrorNamingItAndWhereItIsUsed() throws IOException {
        Variables variables = Variables.load(envFile("A=1\n"), true, Map.of());

        assertThatThrownBy(() -> variables.value("SQL_SA_PASSWORD", "modulesContent.sql.env"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown variable $SQL_SA_PASSWORD")
                .hasMessageContaining("modulesContent.sql.env")
                .hasMessageContaining(".env");
    }

    @Test
    void aMissingDefaultEnvFileMeansTheEnvironmentAlone() {
        Variables variables =
                Variables.load(folder.resolve(".env"), false, Map.of("FROM_ENV", "yes"));

        assertThat(variables.value("FROM_ENV", "t")).isEqualTo("yes");
    }

    @Test
    void aMissingEnvFileNamedOnTheCommandLineIsAnError() {
        Path missing = folder.resolve("prod.env");

        assertThatThrownBy(() -> Variables.load(missing, true, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing + " does not exist");
    }

    @Test
    void aLineThatIsNotNameEqualsValueIsAnErrorNamingTheLine() throws IOException {
        Path file = envFile("A=1\nthis is not a variable\n");

        assertThatThrownBy(() -> Variables.load(file, true, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2 of " + file);
    }
}

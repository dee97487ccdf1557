package io.edgejava.deployment;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command: renders {@code deployment.template.json} into {@code
 * config/deployment.<platform>.json}.
 *
 * <pre>
 * java -jar deployment-tools/target/deployment-tools-exec.jar --platform amd64 \
 *     [--registry myregistry.azurecr.io] [--tag 1.2.3] [--env .env] \
 *     [--template deployment.template.json] [--out config]
 * </pre>
 *
 * Exit code 0 when the manifest is written, 2 when the input is wrong (the message says what), 1
 * when the manifest cannot be written.
 */
public final class RenderCommand {

    /** The input is wrong: an option, the template, a module.json or a variable. */
    static final int INVALID_INPUT = 2;

    /** The input was fine but the manifest could not be written. */
    static final int CANNOT_WRITE = 1;

    /** The template's registry address, for the device's credentials to pull the images. */
    static final String REGISTRY_VARIABLE = "CONTAINER_REGISTRY_ADDRESS";

    private RenderCommand() {}

    /**
     * Runs the command and ends the JVM with its exit code: scripts and CI read it.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(List.of(args), System.getenv(), System.out, System.err);
        if (code != 0) {
            // The only way a plain Java program gives the shell a non-zero status.
            System.exit(code);
        }
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param environment the process environment, for the variables the env file does not set
     * @param out where the result is reported
     * @param err where errors are reported
     * @return the exit code
     */
    static int run(
            List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            RenderRequest request = RenderRequest.parse(args);
            Variables variables =
                    Variables.load(request.envFile(), request.envFileRequired(), environment);
            // One registry for the images and for the credentials the device pulls them with:
            // --registry sets the address the template's credentials name, and without it the
            // images come from the address the env file gives (module.json's when it gives none).
            if (request.registry() != null) {
                variables = variables.with(REGISTRY_VARIABLE, request.registry());
            } else {
                request =
                        request.withRegistry(
                                variables
                                        .find(REGISTRY_VARIABLE)
                                        .filter(address -> !address.isBlank())
                                        .orElse(null));
            }
            Path written = new DeploymentRenderer().write(request, variables);
            out.println(
                    "Wrote "
                            + written
                            + " for platform "
                            + request.platform()
                            + " from "
                            + request.template());
            return 0;
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            err.println(RenderRequest.USAGE);
            return INVALID_INPUT;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return CANNOT_WRITE;
        }
    }
}

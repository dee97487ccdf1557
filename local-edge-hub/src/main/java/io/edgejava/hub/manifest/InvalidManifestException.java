package io.edgejava.hub.manifest;

import java.nio.file.Path;

/** The deployment manifest cannot be applied; the message names the file and what is wrong. */
public class InvalidManifestException extends RuntimeException {

    public InvalidManifestException(Path file, String problem, Throwable cause) {
        super("Deployment manifest " + file.toAbsolutePath().normalize() + ": " + problem, cause);
    }

    public InvalidManifestException(Path file, String problem) {
        this(file, problem, null);
    }
}

package io.edgejava.sqlwriter.batch;

import io.edgejava.edge.InvalidMessageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The shared folder, with {@code done/} for the files whose rows are in and {@code rejected/} for
 * corrupt ones. Every path is the folder plus a name {@link BatchFileName} has checked, and links
 * are never followed, so nothing outside the folder is read or moved.
 */
final class BatchFolder {

    static final String DONE = "done";

    static final String REJECTED = "rejected";

    /** Far more than a batch of samples; it keeps a stray huge file from filling the heap. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Path folder;

    /**
     * @param folder the shared folder; it and its subfolders are created when missing
     */
    BatchFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder.resolve(DONE));
            Files.createDirectories(this.folder.resolve(REJECTED));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the batch folder "
                            + this.folder
                            + ", set by writer.batch.folder (WRITER_BATCH_FOLDER): "
                            + e,
                    e);
        }
    }

    Path path() {
        return folder;
    }

    /**
     * @param fileName a checked name
     * @return the file's content, or empty when there is no such file in the folder
     * @throws InvalidMessageException when the name is a link, a folder or too large a file
     */
    Optional<byte[]> read(String fileName) {
        Path file = folder.resolve(fileName);
        BasicFileAttributes attributes;
        try {
            attributes =
                    Files.readAttributes(
                            file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (attributes.isSymbolicLink()) {
            throw new InvalidMessageException(
                    "batch file "
                            + fileName
                            + " is a symbolic link, which the writer does not follow");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidMessageException("batch file " + fileName + " is not a regular file");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new InvalidMessageException(
                    "batch file "
                            + fileName
                            + " has "
                            + attributes.size()
                            + " bytes, more than the "
                            + MAX_FILE_BYTES
                            + " a batch may have");
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param fileName a checked name
     * @return whether the file is still in the folder (not moved yet)
     */
    boolean contains(String fileName) {
        return Files.exists(folder.resolve(fileName), LinkOption.NOFOLLOW_LINKS);
    }

    /** Moves a file whose rows are in to {@code done/}; nothing when it is there already. */
    void moveToDone(String fileName) {
        move(fileName, DONE);
    }

    /** Moves a corrupt file to {@code rejected/}, for someone to look at. */
    void moveToRejected(String fileName) {
        move(fileName, REJECTED);
    }

    private void move(String fileName, String subfolder) {
        Path file = folder.resolve(fileName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.move(
                    file,
                    folder.resolve(subfolder).resolve(fileName),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot move batch file " + fileName + " to " + subfolder + "/", e);
        }
    }
}

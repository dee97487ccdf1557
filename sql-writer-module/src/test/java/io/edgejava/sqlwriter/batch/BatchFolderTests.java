package io.edgejava.sqlwriter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFolderTests {

    static final String NAME = "readings-abc-000001.csv";

    @TempDir Path root;

    @Test
    void aSymbolicLinkIsRefusedAndNotFollowed() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "secret");
        Path shared = Files.createDirectory(root.resolve("shared"));
        Files.createSymbolicLink(shared.resolve(NAME), secret);
        BatchFolder folder = new BatchFolder(shared);

        assertThatThrownBy(() -> folder.read(NAME))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "batch file "
                                + NAME
                                + " is a symbolic link, which the writer does not follow");
        assertThat(secret).hasContent("secret");
    }

    @Test
    void aMissingFileReadsAsEmptyAndAFileIsMovedToDone() throws Exception {
        BatchFolder folder = new BatchFolder(root);
        assertThat(folder.read(NAME)).isEmpty();

        Files.writeString(root.resolve(NAME), "content");
        assertThat(folder.read(NAME)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(7));
        folder.moveToDone(NAME);

        assertThat(root.resolve(NAME)).doesNotExist();
        assertThat(root.resolve("done").resolve(NAME)).hasContent("content");
        folder.moveToDone(NAME);
        assertThat(root.resolve("done").resolve(NAME)).exists();
    }
}

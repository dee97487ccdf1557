package io.edgejava.edge.iotedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkUnixDomainSocketChannelTests {

    @Test
    void writesTheWholeRequestAndReadsTheAnswerUntilTheServerCloses(@TempDir Path folder)
            throws Exception {
        Path socket = folder.resolve("workload.sock");
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}" + "x".repeat(1000);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<String> request =
                    CompletableFuture.supplyAsync(() -> serveOnce(server, answer));

            JdkUnixDomainSocketChannel channel = new JdkUnixDomainSocketChannel();
            channel.open(socket.toString());
            channel.write("GET /trust-bundle HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] chunk = new byte[400];
            for (int n = channel.read(chunk); n >= 0; n = channel.read(chunk)) {
                read.write(chunk, 0, n);
            }
            channel.close();

            assertThat(request.get()).isEqualTo("GET /trust-bundle HTTP/1.1\r\n\r\n");
            assertThat(read.toString(StandardCharsets.US_ASCII)).isEqualTo(answer);
        }
    }

    @Test
    void aMissingSocketIsNamedInTheError(@TempDir Path folder) {
        Path socket = folder.resolve("absent.sock");

        assertThatThrownBy(() -> new JdkUnixDomainSocketChannel().open(socket.toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot connect to the workload API at " + socket);
    }

    private static String serveOnce(ServerSocketChannel server, String answer) {
        try (SocketChannel client = server.accept()) {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n") && client.read(buffer) >= 0) {
                buffer.flip();
                request.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
            return request.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

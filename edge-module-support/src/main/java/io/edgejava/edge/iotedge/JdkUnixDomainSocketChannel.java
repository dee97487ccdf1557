package io.edgejava.edge.iotedge;

import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The workload API's Unix domain socket, on the JDK's own socket channel (Java 16+), so that no
 * native library is needed. The SDK opens one per request, writes the whole request, reads until
 * the end of the stream (the workload API closes the connection after its answer) and closes it.
 */
final class JdkUnixDomainSocketChannel implements UnixDomainSocketChannel {

    private SocketChannel channel;

    @Override
    public void open(String address) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(address));
        } catch (IOException e) {
            channel.close();
            throw new IOException(
                    "Cannot connect to the workload API at " + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] output) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(output);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public int read(byte[] inputBuffer) throws IOException {
        return channel.read(ByteBuffer.wrap(inputBuffer));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}

package org.foodrisk.it.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One attacking connection on a plain socket (an HTTP client would be too polite): bound to an
 * attacker's address, it sends what it likes and watches for the service closing it.
 */
final class Attacker {

    private static final String SIGN_IN_HEAD = "POST /api/v1/session HTTP/1.1\r\nHost: foodrisk\r\n"
            + "Content-Type: application/json\r\n";

    private final Socket socket;
    private boolean closedByServer;

    private Attacker(Socket socket) {
        this.socket = socket;
    }

    static Attacker connect(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return new Attacker(socket);
    }

    /** Whether the service still keeps the connection (a read neither ends nor fails). */
    boolean isOpen() {
        if (closedByServer) {
            return false;
        }
        try {
            socket.setSoTimeout(1);
            while (socket.getInputStream().read() >= 0) {
                // an answer (none is expected from an idle connection): read on to its end
            }
            closedByServer = true;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException reset) {
            closedByServer = true;
        }
        close();
        return false;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static int countOpen(List<Attacker> attackers) {
        return (int) attackers.stream().filter(Attacker::isOpen).count();
    }

    static void awaitAllClosed(List<Attacker> attackers, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (countOpen(attackers) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /**
     * A sign-in whose body comes one byte every {@code every} (it would take minutes whole).
     *
     * @return milliseconds from its first byte until the service closed the connection
     */
    static long slowSignIn(InetAddress from, int port, Duration every, Duration atMost) throws IOException {
        Attacker attacker = connect(from, port);
        try (Socket socket = attacker.socket) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            out.write((SIGN_IN_HEAD + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout((int) every.toMillis());
            while (System.nanoTime() - start < atMost.toNanos()) {
                try {
                    out.write(' ');
                    out.flush();
                    if (in.read() < 0) {
                        break;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // the next byte
                } catch (IOException closed) {
                    break;
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /**
     * A sign-in declaring {@code bytes} of body: the service's answer to the head, then as much of
     * the body as the service takes.
     *
     * @return the answer's status line ("" when none came)
     */
    static String largeSignIn(InetAddress from, int port, long bytes) throws IOException {
        Attacker attacker = connect(from, port);
        try (Socket socket = attacker.socket) {
            OutputStream out = socket.getOutputStream();
            out.write((SIGN_IN_HEAD + "Content-Length: " + bytes + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(30_000);
            String statusLine = readLine(socket.getInputStream());
            try {
                byte[] megabyte = new byte[1024 * 1024];
                for (long sent = 0; sent < bytes; sent += megabyte.length) {
                    out.write(megabyte);
                }
            } catch (IOException closed) {
                // as expected: the service does not read it
            }
            return statusLine;
        }
    }

    /** A chunked sign-in of {@code bytes}; returns how many bytes went out before the service cut it off. */
    static long largeChunkedSignIn(InetAddress from, int port, long bytes) throws IOException {
        Attacker attacker = connect(from, port);
        try (Socket socket = attacker.socket) {
            OutputStream out = socket.getOutputStream();
            out.write((SIGN_IN_HEAD + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < bytes) {
                    out.write(chunk);
                    out.flush();
                    sent += 0x4000;
                }
            } catch (IOException closed) {
                // the service has had enough
            }
            return sent;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.append((char) b);
        }
        return line.toString().strip();
    }
}

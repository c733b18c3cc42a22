package no.alisportalen.search;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client for GET requests on one keep-alive connection, for the benchmark's API load: the
 * request's bytes go out in one write and the response is read by its Content-Length on the calling thread, so
 * the load generator's own work (proxy selection, header maps, keep-alive cache) stays out of the portal's
 * figures and off the two cores the portal and Elasticsearch share. Not thread-safe: one per client thread.
 */
final class RawHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends a request made by {@link #request} and reads the whole response (the body is dropped). On a kept-alive
     * connection the server closed meanwhile (idle timeout), the request is sent once more on a new one: GET is
     * safe to repeat.
     *
     * @throws IllegalStateException for any status but 200
     */
    void get(byte[] request) throws IOException {
        boolean reused = socket != null;
        int status;
        try {
            status = exchange(request);
        } catch (IOException e) {
            close();
            if (!reused || !(e instanceof StaleConnectionException || e instanceof java.net.SocketException)) {
                throw e;
            }
            status = exchange(request);
        }
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status);
        }
    }

    private int exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }
        out.write(request);
        out.flush();
        int first = in.read();
        if (first < 0) {
            throw new StaleConnectionException();
        }
        int status = -1;
        long length = -1;
        boolean close = false;
        boolean chunked = false;
        for (String line = (char) first + line(); !line.isEmpty(); line = line()) {
            if (status < 0) {
                status = Integer.parseInt(line.substring(9, 12));
                continue;
            }
            int colon = line.indexOf(':');
            var name = line.substring(0, colon).strip();
            var value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line().split(";")[0].strip(), 16)) > 0;) {
                in.skipNBytes(size);
                line();
            }
            line();
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        if (close) {
            close();
        }
        return status;
    }

    private static final class StaleConnectionException extends IOException {
        StaleConnectionException() {
            super("Connection closed before the response");
        }
    }

    /**
     * A GET for {@code pathAndQuery} (already encoded). The User-Agent is HttpURLConnection's, so the portal counts
     * these requests' impressions as it did for that client's.
     */
    static byte[] request(String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: " + USER_AGENT
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static final String USER_AGENT = "Java/" + System.getProperty("java.version");

    private String line() throws IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new IOException("Connection closed mid-response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}

package org.abusedesk.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal blocking HTTP/1.1 client: one keep-alive connection to 127.0.0.1, used by one
 * load client thread at a time. It exists because the load driver shares the machine's
 * cores with the server it measures, so every cycle it spends is taken from the server:
 * {@code java.net.http.HttpClient} cost about 0.9 ms of CPU a request (selector thread,
 * hand-offs, futures, header maps), this costs a write and a few reads. It knows only
 * what the load needs: a POST with a JSON body, a response with a {@code Content-Length},
 * a chunked body or one ending at close, {@code Retry-After} and
 * {@code Connection: close}. After an I/O error, a close by the server or
 * {@code Connection: close} the next call opens a new connection.
 */
final class HttpConnection implements Closeable {

	/** A keep-alive connection idle longer than this is replaced, not risked. */
	private static final long MAX_IDLE_NANOS = 15_000_000_000L;

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private static final int READ_TIMEOUT_MILLIS = 60_000;

	/** The status, {@code Retry-After} in seconds (0: none) and the body. */
	record Response(int status, long retryAfter, String body) {
	}

	private final int port;

	private final String hostHeader;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private long lastUsed;

	private final byte[] input = new byte[8192];

	private int position;

	private int limit;

	private byte[] request = new byte[4096];

	private byte[] line = new byte[256];

	private byte[] body = new byte[4096];

	HttpConnection(int port) {
		this.port = port;
		this.hostHeader = "127.0.0.1:" + port;
	}

	/**
	 * Posts {@code body} (JSON, may be null) to {@code path} and reads the whole answer.
	 * @throws IOException if there is no complete answer; the connection is closed then
	 */
	Response post(String path, String body, String token) throws IOException {
		try {
			if (this.socket != null && System.nanoTime() - this.lastUsed > MAX_IDLE_NANOS) {
				close();
			}
			if (this.socket == null) {
				open();
			}
			writeRequest(path, body, token);
			Response response = readResponse();
			this.lastUsed = System.nanoTime();
			return response;
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	@Override
	public void close() {
		Socket open = this.socket;
		this.socket = null;
		this.in = null;
		this.out = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// nothing left to do with it
			}
		}
	}

	private void open() throws IOException {
		Socket opened = new Socket();
		try {
			opened.setTcpNoDelay(true);
			opened.connect(new InetSocketAddress("127.0.0.1", this.port), CONNECT_TIMEOUT_MILLIS);
			opened.setSoTimeout(READ_TIMEOUT_MILLIS);
			this.in = opened.getInputStream();
			this.position = 0;
			this.limit = 0;
			this.out = opened.getOutputStream();
			this.socket = opened;
		}
		catch (IOException ex) {
			opened.close();
			throw ex;
		}
	}

	private void writeRequest(String path, String body, String token) throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder head = new StringBuilder(160 + path.length());
		head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(this.hostHeader);
		head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(content.length);
		if (token != null) {
			head.append("\r\nAuthorization: Bearer ").append(token);
		}
		head.append("\r\n\r\n");
		int length = head.length() + content.length;
		if (this.request.length < length) {
			this.request = new byte[Math.max(length, this.request.length * 2)];
		}
		for (int i = 0; i < head.length(); i++) {
			this.request[i] = (byte) head.charAt(i);
		}
		System.arraycopy(content, 0, this.request, head.length(), content.length);
		this.out.write(this.request, 0, length);
		this.out.flush();
	}

	private Response readResponse() throws IOException {
		int status;
		boolean http10;
		do {
			int length = readLine();
			// "HTTP/1.1 201 Created": the three digits after the first space
			if (length < 12 || !startsWith(this.line, "HTTP/1.")) {
				throw new IOException("Not an HTTP/1.x status line: " + text(length));
			}
			http10 = this.line[7] == '0';
			status = digit(this.line[9]) * 100 + digit(this.line[10]) * 10 + digit(this.line[11]);
			if (this.line[8] != ' ' || status < 100) {
				throw new IOException("Bad status line: " + text(length));
			}
		}
		while (status < 200 && status != 101 && skipHeaders());
		long contentLength = -1;
		long retryAfter = 0;
		boolean chunked = false;
		boolean close = http10;
		for (int length = readLine(); length > 0; length = readLine()) {
			int colon = indexOf(this.line, length, (byte) ':');
			if (colon < 0) {
				continue;
			}
			if (nameIs("Content-Length", colon)) {
				contentLength = number(colon + 1, length);
				if (contentLength < 0) {
					throw new IOException("Bad Content-Length: " + text(length));
				}
			}
			else if (nameIs("Retry-After", colon)) {
				retryAfter = Math.max(0, number(colon + 1, length));
			}
			else if (nameIs("Transfer-Encoding", colon)) {
				chunked = containsToken(colon + 1, length, "chunked");
			}
			else if (nameIs("Connection", colon)) {
				close |= containsToken(colon + 1, length, "close");
				if (http10 && containsToken(colon + 1, length, "keep-alive")) {
					close = false;
				}
			}
		}
		int size;
		if (status < 200 || status == 204 || status == 304) {
			size = 0;
		}
		else if (chunked) {
			size = readChunked();
		}
		else if (contentLength >= 0) {
			if (contentLength > Integer.MAX_VALUE - 8) {
				throw new IOException("Body too large: " + contentLength);
			}
			size = readFully(0, (int) contentLength);
		}
		else {
			size = readToEnd();
			close = true;
		}
		String text = new String(this.body, 0, size, StandardCharsets.UTF_8);
		if (close) {
			close();
		}
		return new Response(status, retryAfter, text);
	}

	/** Skips an interim (1xx) response's headers; true, to read the next status line. */
	private boolean skipHeaders() throws IOException {
		while (readLine() > 0) {
			// interim headers are of no interest
		}
		return true;
	}

	private int readChunked() throws IOException {
		int size = 0;
		while (true) {
			int length = readLine();
			long chunk = 0;
			int digits = 0;
			for (int i = 0; i < length; i++) {
				int value = Character.digit(this.line[i], 16);
				if (value < 0) {
					byte b = this.line[i];
					if (b == ';' || b == ' ' || b == '\t') {
						break; // chunk extensions
					}
					throw new IOException("Bad chunk size: " + text(length));
				}
				chunk = chunk * 16 + value;
				if (++digits > 8) {
					throw new IOException("Chunk too large: " + text(length));
				}
			}
			if (digits == 0) {
				throw new IOException("Bad chunk size: " + text(length));
			}
			if (chunk == 0) {
				while (readLine() > 0) {
					// trailers, up to the empty line ending the body
				}
				return size;
			}
			if (size + chunk > Integer.MAX_VALUE - 8) {
				throw new IOException("Body too large");
			}
			size = readFully(size, (int) chunk);
			if (readLine() != 0) {
				throw new IOException("Chunk not followed by CRLF");
			}
		}
	}

	/** Reads exactly {@code count} body bytes after the first {@code size}. */
	private int readFully(int size, int count) throws IOException {
		ensureBody(size + count);
		int end = size + count;
		int buffered = Math.min(this.limit - this.position, count);
		System.arraycopy(this.input, this.position, this.body, size, buffered);
		this.position += buffered;
		size += buffered;
		while (size < end) {
			int n = this.in.read(this.body, size, end - size);
			if (n < 0) {
				throw new EOFException("Connection closed inside the body");
			}
			size += n;
		}
		return size;
	}

	private int readToEnd() throws IOException {
		int size = this.limit - this.position;
		ensureBody(size);
		System.arraycopy(this.input, this.position, this.body, 0, size);
		this.position = this.limit;
		while (true) {
			ensureBody(size + 1);
			int n = this.in.read(this.body, size, this.body.length - size);
			if (n < 0) {
				return size;
			}
			size += n;
		}
	}

	private void ensureBody(int size) {
		if (this.body.length < size) {
			this.body = Arrays.copyOf(this.body, Math.max(size, this.body.length * 2));
		}
	}

	/**
	 * Reads a line into {@link #line}, without its CRLF (a lone LF is accepted too).
	 * @return its length
	 */
	private int readLine() throws IOException {
		int length = 0;
		while (true) {
			if (this.position == this.limit) {
				int n = this.in.read(this.input, 0, this.input.length);
				if (n < 0) {
					throw new EOFException("Connection closed by the server");
				}
				this.position = 0;
				this.limit = n;
			}
			byte b = this.input[this.position++];
			if (b == '\n') {
				return (length > 0 && this.line[length - 1] == '\r') ? length - 1 : length;
			}
			if (length == this.line.length) {
				if (length >= 65536) {
					throw new IOException("Header line too long");
				}
				this.line = Arrays.copyOf(this.line, length * 2);
			}
			this.line[length++] = b;
		}
	}

	private boolean nameIs(String name, int colon) {
		int end = colon;
		while (end > 0 && (this.line[end - 1] == ' ' || this.line[end - 1] == '\t')) {
			end--;
		}
		if (end != name.length()) {
			return false;
		}
		for (int i = 0; i < end; i++) {
			if (lower(this.line[i]) != lower((byte) name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** A header value's decimal number, -1 if it is not one (Retry-After as a date). */
	private long number(int from, int to) {
		int i = skipSpaces(from, to);
		int end = to;
		while (end > i && (this.line[end - 1] == ' ' || this.line[end - 1] == '\t')) {
			end--;
		}
		if (i == end || end - i > 18) {
			return -1;
		}
		long value = 0;
		for (; i < end; i++) {
			byte b = this.line[i];
			if (b < '0' || b > '9') {
				return -1;
			}
			value = value * 10 + (b - '0');
		}
		return value;
	}

	/** Whether the comma separated value in [from, to) lists {@code token}. */
	private boolean containsToken(int from, int to, String token) {
		int i = from;
		while (i < to) {
			i = skipSpaces(i, to);
			int start = i;
			while (i < to && this.line[i] != ',') {
				i++;
			}
			int end = i;
			while (end > start && (this.line[end - 1] == ' ' || this.line[end - 1] == '\t')) {
				end--;
			}
			if (end - start == token.length()) {
				boolean same = true;
				for (int k = 0; k < token.length() && same; k++) {
					same = lower(this.line[start + k]) == token.charAt(k);
				}
				if (same) {
					return true;
				}
			}
			i++;
		}
		return false;
	}

	private int skipSpaces(int from, int to) {
		int i = from;
		while (i < to && (this.line[i] == ' ' || this.line[i] == '\t')) {
			i++;
		}
		return i;
	}

	private String text(int length) {
		return new String(this.line, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		for (int i = 0; i < prefix.length(); i++) {
			if (bytes[i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] bytes, int length, byte b) {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

	private static int digit(byte b) {
		return (b >= '0' && b <= '9') ? b - '0' : -1000;
	}

	private static int lower(byte b) {
		return (b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b;
	}

}

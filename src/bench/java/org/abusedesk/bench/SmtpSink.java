package org.abusedesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps only a count. The
 * load runs send hundreds of messages a second; a full mail server in the driver's JVM
 * (GreenMail took about 50 ms a message here) would measure itself, not abusedesk.
 */
final class SmtpSink implements AutoCloseable {

	private final ServerSocket server;

	private final AtomicLong messages = new AtomicLong();

	SmtpSink() throws IOException {
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "smtp-sink");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	long messages() {
		return this.messages.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread session = new Thread(() -> session(socket), "smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void session(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase();
				if (command.startsWith("EHLO")) {
					reply(out, "250-sink\r\n250 8BITMIME");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 go ahead");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// discard the message
					}
					this.messages.incrementAndGet();
					reply(out, "250 queued");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}

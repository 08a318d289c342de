package org.abusedesk.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one URL of a content source within the limits: one GET, no redirect followed, no
 * proxy, the whole exchange within the timeout, at most {@code maxBytes}, only the
 * configured media types (and an image must start as its type does). Anything else is a
 * refusal with its reason, never a partial snapshot.
 */
final class SnapshotFetcher {

	/** What a read gave: the content and its media type, or why nothing was kept. */
	record Fetched(byte[] content, String mediaType, String refusal) {

		static Fetched refused(String why) {
			return new Fetched(null, null, why);
		}

		boolean taken() {
			return this.refusal == null;
		}

	}

	private static final ExecutorService READERS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "snapshot-reader");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client;

	private final int maxBytes;

	private final Duration timeout;

	private final List<String> types;

	SnapshotFetcher(int maxBytes, Duration timeout, List<String> types) {
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.connectTimeout(timeout)
			.build();
		this.maxBytes = maxBytes;
		this.timeout = timeout;
		this.types = List.copyOf(types);
	}

	Fetched fetch(URI url) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(url)
			.GET()
			.timeout(this.timeout)
			.header("Accept", String.join(", ", this.types))
			.build();
		CompletableFuture<HttpResponse<InputStream>> sent = this.client.sendAsync(request,
				HttpResponse.BodyHandlers.ofInputStream());
		HttpResponse<InputStream> response;
		try {
			response = sent.get(remaining(deadline), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			return Fetched.refused("timeout");
		}
		catch (ExecutionException ex) {
			return Fetched
				.refused((ex.getCause() instanceof java.net.http.HttpTimeoutException) ? "timeout" : "unreachable");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Fetched.refused("interrupted");
		}
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				return Fetched.refused("redirect");
			}
			if (status != 200) {
				return Fetched.refused("status_" + status);
			}
			String type = response.headers()
				.firstValue("Content-Type")
				.map((value) -> value.replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT))
				.orElse("");
			if (!this.types.contains(type)) {
				return Fetched.refused("type_not_allowed");
			}
			OptionalLong length = response.headers().firstValueAsLong("Content-Length");
			if (length.isPresent() && length.getAsLong() > this.maxBytes) {
				return Fetched.refused("too_large");
			}
			CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> read(body), READERS);
			byte[] content;
			try {
				content = read.get(remaining(deadline), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				read.cancel(true);
				return Fetched.refused("timeout");
			}
			catch (ExecutionException ex) {
				return Fetched.refused("unreachable");
			}
			if (content == null) {
				return Fetched.refused("too_large");
			}
			if ((type.startsWith("image/") || type.equals("application/pdf"))
					&& !ImageSignatures.matches(type, content)) {
				return Fetched.refused("type_not_allowed");
			}
			return new Fetched(content, type, null);
		}
		catch (IOException ex) {
			return Fetched.refused("unreachable");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Fetched.refused("interrupted");
		}
	}

	/** The body, or {@code null} when it is longer than the limit. */
	private byte[] read(InputStream body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		try {
			int n;
			while ((n = body.read(buffer)) >= 0) {
				if (out.size() + n > this.maxBytes) {
					return null;
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static long remaining(long deadline) {
		return Math.max(1, deadline - System.nanoTime());
	}

	/** The first bytes each image type (and a PDF) starts with. */
	private static final class ImageSignatures {

		static boolean matches(String type, byte[] content) {
			return switch (type) {
				case "image/png" -> starts(content, 0x89, 'P', 'N', 'G');
				case "image/jpeg" -> starts(content, 0xff, 0xd8, 0xff);
				case "image/gif" -> starts(content, 'G', 'I', 'F', '8');
				case "application/pdf" -> starts(content, '%', 'P', 'D', 'F', '-');
				case "image/webp" -> starts(content, 'R', 'I', 'F', 'F') && content.length > 12 && content[8] == 'W'
						&& content[9] == 'E' && content[10] == 'B' && content[11] == 'P';
				default -> true;
			};
		}

		private static boolean starts(byte[] content, int... prefix) {
			if (content.length < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if ((content[i] & 0xff) != prefix[i]) {
					return false;
				}
			}
			return true;
		}

	}

}

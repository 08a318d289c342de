package org.abusedesk.problems.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.abusedesk.problems.PayloadTooLargeException;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit, known before a byte of it is read: the endpoint's own
 * (the batch API, a legal order with its document, the web form with its evidence, the
 * catalog) or the default for everything else. A declared length over the limit is
 * refused at once (413); a body of unknown length is counted as it is read and refused
 * when it passes the limit. Bodies over the default limit are large: only a few are read
 * at once (503 with {@code Retry-After} beyond that), so that many large bodies in
 * parallel cannot exhaust the memory.
 */
final class RequestBodyLimits extends OncePerRequestFilter {

	private final RequestLimitProperties limits;

	private final Semaphore large;

	RequestBodyLimits(RequestLimitProperties limits) {
		this.limits = limits;
		this.large = new Semaphore(limits.largeBodiesAtOnce());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = this.limits.limitFor(request.getMethod(), request.getRequestURI());
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(response, 413, "Request too large",
					"The request body is larger than the limit of " + limit + " bytes.", null);
			return;
		}
		boolean isLarge = declared > this.limits.defaultBytes() || (declared < 0 && hasBody(request));
		if (isLarge && limit > this.limits.defaultBytes() && !this.large.tryAcquire()) {
			refuse(response, 503, "Busy", "Too many large requests at once; retry after a second.", "1");
			return;
		}
		try {
			chain.doFilter((declared < 0) ? new Counted(request, limit) : request, response);
		}
		finally {
			if (isLarge && limit > this.limits.defaultBytes()) {
				this.large.release();
			}
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getHeader("Transfer-Encoding") != null;
	}

	private static void refuse(HttpServletResponse response, int status, String title, String detail, String retryAfter)
			throws IOException {
		response.setStatus(status);
		if (retryAfter != null) {
			response.setHeader("Retry-After", retryAfter);
		}
		response.setHeader("Connection", "close");
		response.setContentType("application/problem+json");
		byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** A request whose body is counted as it is read. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream counted;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.counted == null) {
				this.counted = new CountingInputStream(super.getInputStream(), this.limit);
			}
			return this.counted;
		}

	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		CountingInputStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw new PayloadTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}

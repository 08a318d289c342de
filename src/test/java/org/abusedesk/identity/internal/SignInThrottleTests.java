package org.abusedesk.identity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.abusedesk.IntegrationTest;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 8: sign-in is throttled per account and per address, over HTTP. Each
 * test signs in from loopback addresses of its own (127.0.0.x; Linux routes all of 127/8
 * to the loopback), so that the counts of other tests' 127.0.0.1 stay apart.
 */
class SignInThrottleTests extends IntegrationTest {

	private static final String PASSWORD = "a long test password";

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private CustomerTokens customerTokens;

	@Test
	void theConsoleHasNoSignInThrottle() {
		String alice = staff();
		Browser attacker = new Browser(this.port, "127.0.0.21");
		for (int i = 0; i < 5; i++) {
			Reply reply = attacker.signIn(alice, "wrong password " + i);
			assertThat(reply.status()).isEqualTo(302);
			assertThat(reply.header("Location")).endsWith("/login?error");
		}
		Reply sixth = attacker.signIn(alice, "wrong password 6");
		assertThat(sixth.status()).isEqualTo(429);
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isPositive();
		assertThat(sixth.body()).contains("Wrong name or password.");
		Reply right = attacker.signIn(alice, PASSWORD);
		assertThat(right.status()).isEqualTo(429);
		// the same account from another address: refused too
		assertThat(new Browser(this.port, "127.0.0.22").signIn(alice, PASSWORD).status()).isEqualTo(429);

		// an account that does not exist is answered exactly alike
		Browser prober = new Browser(this.port, "127.0.0.23");
		String nobody = "nobody-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(prober.signIn(nobody, "wrong password " + i).header("Location")).endsWith("/login?error");
		}
		Reply unknown = prober.signIn(nobody, "wrong password 6");
		assertThat(unknown.status()).isEqualTo(429);
		assertThat(unknown.body().replaceAll("\\d+ minutes?", ""))
			.isEqualTo(sixth.body().replaceAll("\\d+ minutes?", ""));

		// another account from another address is unaffected
		String bob = staff();
		Reply signedIn = new Browser(this.port, "127.0.0.24").signIn(bob, PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/console");
	}

	@Test
	void oneAddressGuessingManyAccountsIsThrottled() {
		Browser sprayer = new Browser(this.port, "127.0.0.25");
		for (int i = 0; i < 20; i++) {
			assertThat(sprayer.signIn("nobody-" + UUID.randomUUID(), "wrong password").status()).isEqualTo(302);
		}
		String carol = staff();
		assertThat(sprayer.signIn(carol, PASSWORD).status()).isEqualTo(429);
		assertThat(new Browser(this.port, "127.0.0.26").signIn(carol, PASSWORD).header("Location"))
			.endsWith("/console");
	}

	@Test
	void customerSignInIsThrottledPerAddress() {
		String token = this.customerTokens.issue("hosting-" + UUID.randomUUID(), "web").token();
		Browser guesser = new Browser(this.port, "127.0.0.27");
		for (int i = 0; i < 20; i++) {
			assertThat(guesser.customerSignIn("adk_guess-" + i).status()).isEqualTo(401);
		}
		Reply refused = guesser.customerSignIn(token);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.body()).contains("This token is not valid.");
		assertThat(new Browser(this.port, "127.0.0.28").customerSignIn(token).status()).isEqualTo(302);
	}

	private String staff() {
		String name = "staff-" + UUID.randomUUID();
		this.accounts.create(name, Role.REVIEWER, PASSWORD);
		return name;
	}

	record Reply(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
		}

	}

	/**
	 * A browser on a given loopback address: HTTP/1.0 over a socket bound to it, with the
	 * session cookie kept and the CSRF token read from the sign-in pages.
	 */
	static final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final int port;

		private final String address;

		private String cookie;

		Browser(int port, String address) {
			this.port = port;
			this.address = address;
		}

		Reply signIn(String name, String password) {
			return post("/login", Map.of("username", name, "password", password, "_csrf", csrf("/login")));
		}

		Reply customerSignIn(String token) {
			return post("/customer/sign-in", Map.of("token", token, "_csrf", csrf("/customer/sign-in")));
		}

		private String csrf(String page) {
			Matcher matcher = CSRF.matcher(send("GET", page, null).body());
			assertThat(matcher.find()).as("a CSRF token on " + page).isTrue();
			return matcher.group(1);
		}

		private Reply post(String path, Map<String, String> form) {
			return send("POST", path,
					form.entrySet()
						.stream()
						.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
								+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
						.collect(Collectors.joining("&")));
		}

		private Reply send(String method, String path, String form) {
			try (Socket socket = new Socket()) {
				socket.bind(new InetSocketAddress(InetAddress.getByName(this.address), 0));
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
				byte[] body = (form != null) ? form.getBytes(StandardCharsets.UTF_8) : new byte[0];
				StringBuilder request = new StringBuilder(
						method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + this.port + "\r\n");
				if (this.cookie != null) {
					request.append("Cookie: ").append(this.cookie).append("\r\n");
				}
				if (form != null) {
					request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
						.append(body.length)
						.append("\r\n");
				}
				request.append("\r\n");
				OutputStream out = socket.getOutputStream();
				out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				out.flush();
				return read(socket.getInputStream());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private Reply read(InputStream in) throws IOException {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				String name = lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
				String value = lines[i].substring(colon + 1).trim();
				headers.put(name, value);
				if (name.equals("set-cookie") && value.startsWith("JSESSIONID=")) {
					this.cookie = value.substring(0, value.indexOf(';'));
				}
			}
			return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
		}

	}

}

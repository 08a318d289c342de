package org.abusedesk.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the DSA Transparency Database's validation rules
 * ({@code src/test/resources/conformance/validate_sor.py}) with {@code python3} on
 * statements of reasons, as files: one statement, or {@code {"statements": [...]}}.
 */
public final class SorValidator {

	private SorValidator() {
	}

	/**
	 * @param exitCode 0 valid, 1 violations (or warnings with {@code --strict}), 2
	 * unreadable
	 * @param output every violation and warning, one per line
	 */
	public record Result(int exitCode, String output) {
	}

	/** Checks each JSON document (strictly: warnings such as personal data fail too). */
	public static Result validateStrict(List<String> documents) {
		return run(documents, "--strict");
	}

	/** Checks one document as the batch endpoint does, warnings allowed. */
	public static Result validateBatch(String document) {
		return run(List.of(document), "--multi");
	}

	private static Result run(List<String> documents, String mode) {
		try {
			Path dir = Files.createTempDirectory("sor");
			List<String> command = new ArrayList<>(List.of("python3", script().toString(), mode));
			int i = 0;
			for (String document : documents) {
				Path file = dir.resolve("statement-" + (i++) + ".json");
				Files.writeString(file, document, StandardCharsets.UTF_8);
				command.add(file.toString());
			}
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			try (var files = Files.list(dir)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(dir);
			return new Result(exit, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path script() {
		try {
			return Path.of(SorValidator.class.getResource("/conformance/validate_sor.py").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

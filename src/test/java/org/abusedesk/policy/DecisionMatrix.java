package org.abusedesk.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expected decision matrix of the default policy, read from
 * {@code src/test/resources/policy/decision-matrix.txt} (its header explains the format).
 * Written by hand, independent of the policy engine: the lookup is "the last line that
 * matches the cell wins", nothing more.
 */
record DecisionMatrix(List<Line> lines, List<Words> words, List<Known> known) {

	/** One cell of the matrix. */
	record Cell(String service, String type, String kind, boolean atRisk) {

		String name() {
			return this.service + " x " + this.type + " x " + this.kind + " x "
					+ (this.atRisk ? "at_risk" : "not_at_risk");
		}

	}

	/** Which cells a line is about. */
	record When(String service, String type, Set<String> kinds, String risk) {

		static When parse(String text) {
			String[] parts = text.trim().split("\\s+");
			if (parts.length != 4) {
				throw new IllegalArgumentException("Expected 'service type kinds risk': " + text);
			}
			return new When(parts[0], parts[1], Set.of(parts[2].split(",")), parts[3]);
		}

		boolean matches(Cell cell) {
			return any(this.service, cell.service()) && any(this.type, cell.type())
					&& (this.kinds.contains("*") || this.kinds.contains(cell.kind()))
					&& (this.risk.equals("*") || this.risk.equals(cell.atRisk() ? "at_risk" : "not_at_risk"));
		}

		private static boolean any(String pattern, String value) {
			return pattern.equals("*") || pattern.equals(value);
		}

	}

	/**
	 * What a cell must do.
	 *
	 * @param denialReason {@code null} when the report is accepted
	 * @param messages recipients: host, owner, reporter, ncmec
	 * @param mitigations type[@scope][+delay]
	 */
	record Expected(String rule, String denialReason, String review, Set<String> messages, List<Mitigation> mitigations,
			int line) {

		boolean denied() {
			return this.denialReason != null;
		}

	}

	/** An expected mitigation on the reported URLs. */
	record Mitigation(String type, List<String> scope, boolean delayed) {

		static Mitigation parse(String text) {
			String rest = text;
			boolean delayed = false;
			int plus = rest.indexOf('+');
			if (plus >= 0) {
				delayed = !rest.substring(plus + 1).equals("0");
				rest = rest.substring(0, plus);
			}
			List<String> scope = List.of();
			int at = rest.indexOf('@');
			if (at >= 0) {
				scope = List.of(rest.substring(at + 1).split(","));
				rest = rest.substring(0, at);
			}
			return new Mitigation(rest, scope, delayed);
		}

	}

	record Line(When when, Expected expected) {
	}

	record Words(String service, String recipient, String text) {
	}

	record Known(When when, String aspect, String why) {
	}

	static DecisionMatrix read(String resource) {
		List<Line> lines = new ArrayList<>();
		List<Words> words = new ArrayList<>();
		List<Known> known = new ArrayList<>();
		List<String> text;
		try (InputStream in = DecisionMatrix.class.getResourceAsStream(resource)) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		for (int i = 0; i < text.size(); i++) {
			String line = text.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] columns = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
			if (line.startsWith("words ")) {
				String[] head = columns[0].split("\\s+");
				words.add(new Words(head[1], head[2], columns[1]));
			}
			else if (line.startsWith("known ")) {
				known.add(new Known(When.parse(columns[0].substring("known ".length())), columns[1], columns[2]));
			}
			else {
				if (columns.length != 6) {
					throw new IllegalArgumentException("Line " + (i + 1) + " needs six columns: " + line);
				}
				String outcome = columns[2];
				String denial = outcome.startsWith("denied:") ? outcome.substring("denied:".length()) : null;
				if (denial == null && !outcome.equals("accepted")) {
					throw new IllegalArgumentException("Line " + (i + 1) + ": outcome " + outcome);
				}
				Set<String> messages = columns[4].equals("-") ? Set.of() : Set.of(columns[4].split("\\s+"));
				List<Mitigation> mitigations = columns[5].equals("-") ? List.of()
						: Arrays.stream(columns[5].split("\\s+")).map(Mitigation::parse).toList();
				lines.add(new Line(When.parse(columns[0]),
						new Expected(columns[1], denial, columns[3], messages, mitigations, i + 1)));
			}
		}
		return new DecisionMatrix(List.copyOf(lines), List.copyOf(words), List.copyOf(known));
	}

	/** What the cell must do: the last line that matches it. */
	Expected expected(Cell cell) {
		Expected found = null;
		for (Line line : this.lines) {
			if (line.when().matches(cell)) {
				found = line.expected();
			}
		}
		if (found == null) {
			throw new IllegalStateException("No line of the matrix covers " + cell.name());
		}
		return found;
	}

	/** The sentences the message of {@code recipient} has for {@code service}. */
	List<String> words(String service, String recipient) {
		return this.words.stream()
			.filter((w) -> w.service().equals(service) && w.recipient().equals(recipient))
			.map(Words::text)
			.toList();
	}

	/** Why an aspect of the cell is known to fail, if it is. */
	Optional<String> knownFailure(Cell cell, String aspect) {
		return this.known.stream()
			.filter((k) -> k.aspect().equals(aspect) && k.when().matches(cell))
			.map(Known::why)
			.findFirst();
	}

}

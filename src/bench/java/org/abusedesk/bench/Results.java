package org.abusedesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: {@code results.json} (a list of {@code {name, value, unit,
 * params}}) and a table for people.
 */
final class Results {

	record Result(String name, double value, String unit, Map<String, Object> params) {
	}

	private final List<Result> results = new ArrayList<>();

	synchronized void add(String name, double value, String unit, Map<String, ?> params) {
		Result result = new Result(name, value, unit, new LinkedHashMap<>(params));
		this.results.add(result);
		System.out.printf("[bench] %-52s %14s %s%n", name, format(value), unit);
	}

	synchronized double value(String name) {
		return this.results.stream()
			.filter((r) -> r.name().equals(name))
			.mapToDouble(Result::value)
			.findFirst()
			.orElse(Double.NaN);
	}

	synchronized void write(Path dir) {
		try {
			Files.createDirectories(dir);
			StringBuilder json = new StringBuilder("[\n");
			for (int i = 0; i < this.results.size(); i++) {
				Result r = this.results.get(i);
				json.append("  {\"name\": ")
					.append(quote(r.name()))
					.append(", \"value\": ")
					.append(Double.isFinite(r.value()) ? String.valueOf(r.value()) : "null")
					.append(", \"unit\": ")
					.append(quote(r.unit()))
					.append(", \"params\": {");
				int j = 0;
				for (Map.Entry<String, Object> param : r.params().entrySet()) {
					json.append((j++ > 0) ? ", " : "").append(quote(param.getKey())).append(": ");
					Object value = param.getValue();
					json.append((value instanceof Number || value instanceof Boolean) ? String.valueOf(value)
							: quote(String.valueOf(value)));
				}
				json.append("}}").append((i < this.results.size() - 1) ? ",\n" : "\n");
			}
			json.append("]\n");
			Files.writeString(dir.resolve("results.json"), json);
			Files.writeString(dir.resolve("results.txt"), table());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized String table() {
		StringBuilder table = new StringBuilder();
		table.append(String.format("%-56s %16s  %s%n", "benchmark", "value", "unit"));
		table.append("-".repeat(90)).append('\n');
		for (Result r : this.results) {
			table.append(String.format("%-56s %16s  %s%n", r.name(), format(r.value()), r.unit()));
		}
		return table.toString();
	}

	private static String format(double value) {
		if (!Double.isFinite(value)) {
			return "n/a";
		}
		return (Math.abs(value) >= 100 || value == Math.rint(value)) ? String.format("%,.0f", value)
				: String.format("%,.3f", value);
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}

package org.abusedesk.commandline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's own options, split from the Spring arguments that follow the command's
 * words: {@code --name VALUE}, {@code --name=VALUE}, and flags without a value. An option
 * without its value is kept with the value {@code ""}, so that the command refuses it
 * rather than ignoring it.
 */
public final class CommandOptions {

	private CommandOptions() {
	}

	/**
	 * Splits a subcommand's arguments into its words (those before the first
	 * {@code --option}), its options and the arguments for Spring.
	 * @param options the names of the options that take a value ({@code --role})
	 * @param flags the names of the options without one ({@code --password-stdin})
	 */
	public static Split split(List<String> arguments, List<String> options, List<String> flags) {
		int firstOption = 0;
		while (firstOption < arguments.size() && !arguments.get(firstOption).startsWith("--")) {
			firstOption++;
		}
		Map.Entry<String[], Map<String, String>> taken = take(
				arguments.subList(firstOption, arguments.size()).toArray(String[]::new), options, flags);
		return new Split(List.copyOf(arguments.subList(0, firstOption)), taken.getValue(), taken.getKey());
	}

	/**
	 * @param options the names of the options that take a value ({@code --role})
	 * @param flags the names of the options without one ({@code --password-stdin}), found
	 * with the value {@code "true"}
	 * @return the Spring arguments without the command's options, and the options found
	 * (their names without {@code --})
	 */
	public static Map.Entry<String[], Map<String, String>> take(String[] arguments, List<String> options,
			List<String> flags) {
		List<String> rest = new ArrayList<>();
		Map<String, String> found = new LinkedHashMap<>();
		for (int i = 0; i < arguments.length; i++) {
			String argument = arguments[i];
			int equals = argument.indexOf('=');
			String name = (equals >= 0) ? argument.substring(0, equals) : argument;
			if (flags.contains(argument)) {
				found.put(argument.substring(2), "true");
			}
			else if (!options.contains(name)) {
				rest.add(argument);
			}
			else if (equals >= 0) {
				found.put(name.substring(2), argument.substring(equals + 1));
			}
			else {
				found.put(name.substring(2), (i + 1 < arguments.length) ? arguments[++i] : "");
			}
		}
		return Map.entry(rest.toArray(String[]::new), found);
	}

	/**
	 * A subcommand's arguments, split.
	 *
	 * @param words the words before the first {@code --option}
	 * @param options the subcommand's options found (their names without {@code --})
	 * @param springArguments the rest, for Spring
	 */
	public record Split(List<String> words, Map<String, String> options, String[] springArguments) {

	}

}

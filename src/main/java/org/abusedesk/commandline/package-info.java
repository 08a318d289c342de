/**
 * The command line of the executable jar, as the modules share it: a {@link Subcommand}
 * is what a module contributes ({@code policy check}, {@code staff add}, ...), the
 * {@link Desk} starts the application for it, the {@link Terminal} is where it reads and
 * writes. The dispatcher in the root package finds the subcommands and chooses one.
 */
package org.abusedesk.commandline;

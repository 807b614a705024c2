/**
 * The {@code sandpiper} command line: one class per subcommand, dispatched by {@link dev.sandpiper.cli.Main}.
 * Commands write results to stdout, diagnostics to stderr, and return their exit status instead of
 * calling {@code System.exit}, so tests run them in-process.
 */
package dev.sandpiper.cli;

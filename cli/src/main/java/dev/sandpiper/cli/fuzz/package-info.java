/**
 * The fuzz campaign behind {@code sandpiper fuzz}: seed modules ({@link dev.sandpiper.cli.fuzz.Corpus}),
 * random valid modules ({@link dev.sandpiper.cli.fuzz.ModuleGenerator}), mutations
 * ({@link dev.sandpiper.cli.fuzz.Mutator}), the per-module check on both tiers
 * ({@link dev.sandpiper.cli.fuzz.ModuleCheck}) and the campaign with its watchdog
 * ({@link dev.sandpiper.cli.fuzz.Campaign}).
 */
package dev.sandpiper.cli.fuzz;

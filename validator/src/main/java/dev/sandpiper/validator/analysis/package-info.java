/**
 * What validation learns about each function that execution needs: stack heights and, for every
 * branch, how many values it keeps and drops. Both execution tiers read it instead of re-deriving
 * types; none of it depends on how a tier represents code.
 */
package dev.sandpiper.validator.analysis;

/**
 * Cold start: what it costs to get a runnable instance of each kernel module, from bytes ({@link
 * dev.sandpiper.jmh.coldstart.LoadBenchmark}) and from an already compiled module ({@link
 * dev.sandpiper.jmh.coldstart.InstantiateBenchmark}), per engine, Sandpiper's compiled tier included
 * (compiling at load, and the default engine auto's load and first call). Parameter {@code kernel}
 * names the module. Nothing is run in the instances beyond instantiation (the kernels have no start
 * function), except auto's one small first call.
 */
package dev.sandpiper.jmh.coldstart;

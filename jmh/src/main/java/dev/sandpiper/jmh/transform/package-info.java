/**
 * Transforms end to end: the example guests ({@code examples/transforms}) run through the transform
 * runtime ({@link dev.sandpiper.abi.WasmRuntime}) over the 40 sample events, cycled, each paired in the
 * same run with plain-Java twins of the same logic ({@link dev.sandpiper.jmh.transform.JavaTransform}).
 *
 * <ul>
 *   <li>{@link dev.sandpiper.jmh.transform.TransformBenchmark}: one runtime, one thread. Methods
 *       {@code wasmEvent} ({@code transform(Event)}), {@code wasmJson} ({@code transformJson(bytes)}),
 *       both on the interpreter, {@code compiledEvent} and {@code compiledJson} (the same with the guest
 *       compiled to JVM bytecode), {@code javaBytes} (Jackson parse, transform, serialize) and
 *       {@code javaObject} ({@code Event} in, {@code Event} out), parameter {@code transform};
 *       throughput, average time and (wasm) sample time. For route-by-table the two JSON methods
 *       also ask the guest's {@code route} for the topic ({@code process(json, 0, len, true)}); the
 *       {@code Event} methods cannot route and measure its transform alone.
 *   <li>{@link dev.sandpiper.jmh.transform.PoolBenchmark}: a {@link dev.sandpiper.abi.WasmRuntimePool} of
 *       2 runtimes driven by 1 and by 2 threads, on the interpreter and compiled.
 * </ul>
 *
 * Every setup checks, over all 40 events, that what it measures gives the guest's outputs
 * ({@link dev.sandpiper.jmh.transform.TransformCase#checkAgainst}), and for route-by-table that the guest's
 * topics equal the twin's ({@link dev.sandpiper.jmh.transform.TransformCase#checkTopics}).
 */
package dev.sandpiper.jmh.transform;

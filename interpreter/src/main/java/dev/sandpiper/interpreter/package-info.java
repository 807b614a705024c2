/**
 * Execution of WebAssembly 2.0: compiled modules, stores, linking, instances, host functions, and
 * the interpreter loop with its guardrails (fuel, deadline, interruption, call depth, memory and
 * table limits).
 *
 * <p>Typical use:
 * <pre>{@code
 * CompiledModule module = CompiledModule.compile(bytes);      // once; immutable, shareable
 * Store store = new Store(ExecutionLimits.DEFAULT.withFuel(1_000_000));
 * Linker linker = new Linker(store)
 *     .defineFunction("env", "log", FuncType.of(List.of(I32, I32), List.of()), (ctx, args, results) -> ...);
 * Instance instance = linker.instantiate(module);              // one thread at a time
 * long[] results = instance.call("fib", 30);
 * }</pre>
 *
 * <p>Spec: 2.0, 4 Execution, {@code exec/index.html}. How code runs and why:
 * {@code interpreter/README.md}.
 */
package dev.sandpiper.interpreter;

package dev.sandpiper.jmh.support;

/**
 * One instance of a kernel module on one engine, seen through the few operations the benchmarks
 * need. The adapters are one-line delegations; each benchmark fork runs a single engine, so every
 * call site here sees a single implementation and the JIT inlines it away.
 */
public interface WasmInstance {

    /** The exported function {@code name}. */
    WasmFunction function(String name);

    /** Copies {@code bytes} into memory 0 at {@code address}. */
    void write(int address, byte[] bytes);

    /** Copies {@code length} bytes of memory 0 from {@code address}. */
    byte[] read(int address, int length);

    /** A function export: raw argument bits in, raw result bits out (i32 in the low 32 bits, f64 as raw bits). */
    @FunctionalInterface
    interface WasmFunction {
        long[] call(long... args);
    }

    static WasmInstance of(dev.sandpiper.interpreter.Instance instance) {
        return new WasmInstance() {
            @Override
            public WasmFunction function(String name) {
                return instance.function(name)::call;
            }

            @Override
            public void write(int address, byte[] bytes) {
                instance.memory().write(address, bytes);
            }

            @Override
            public byte[] read(int address, int length) {
                return instance.memory().readBytes(address, length);
            }
        };
    }

    static WasmInstance of(com.dylibso.chicory.runtime.Instance instance) {
        return new WasmInstance() {
            @Override
            public WasmFunction function(String name) {
                return instance.export(name)::apply;
            }

            @Override
            public void write(int address, byte[] bytes) {
                instance.memory().write(address, bytes);
            }

            @Override
            public byte[] read(int address, int length) {
                return instance.memory().readBytes(address, length);
            }
        };
    }
}

package dev.sandpiper.jmh.connect;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExportSection;
import dev.sandpiper.jmh.support.Engine;
import java.util.HashMap;
import java.util.Map;

/**
 * One instance of a rustcdc guest on Chicory 1.7.5's compiler ({@link Engine#chicoryCompile}: every function
 * compiled to JVM bytecode when loaded, no fallback to its interpreter; {@code ByteArrayMemory}), called the way the
 * abi module's {@code WasmRuntime} calls it ({@code shared/abi/contract.md}, "Lifecycle"):
 *
 * <ul>
 *   <li>{@link #init}: {@code ptr = alloc(len)}, the config JSON written at ptr, {@code init(ptr, len)}, non-zero
 *       fails;
 *   <li>{@link #transform}: {@code ptr = alloc(len)} (negative or out of memory fails), the event written at ptr,
 *       {@code r = transform(ptr, len)}: -1 filtered, below -1 fails, else {@code n = output_len()} (negative fails,
 *       0 filtered) and the {@code n} bytes at {@code r} (outside memory fails) copied out;
 *   <li>{@link #shutdown}: {@code shutdown()} when exported, non-zero fails.
 * </ul>
 *
 * Host imports: {@link ChicoryHostImports}. Unlike {@code WasmRuntime}, nothing is enforced: no deadline
 * ({@code timeout_ms}), no fuel, no memory limit (Chicory has no deadline; its memory limit is the module's), no
 * replacement of an instance after a trap (a trap throws Chicory's exception). Guests exporting {@code filter} or
 * {@code route} are refused (only {@code transform} is called). Not thread-safe.
 */
final class ChicoryGuest {
    private final Instance instance;
    private final Memory memory;
    private final ExportFunction alloc;
    private final ExportFunction transform;
    private final ExportFunction outputLen;
    private final boolean hasInit;
    private final boolean hasShutdown;
    private final Map<String, Long> metrics = new HashMap<>();

    ChicoryGuest(byte[] wasm, String name) {
        WasmModule module = Engine.chicoryParse(wasm);
        if (exports(module, "filter") || exports(module, "route")) {
            throw new IllegalArgumentException(name + " exports filter or route, which this host does not call");
        }
        instance = Engine.chicoryCompilerInstance(module, Engine.chicoryCompile(module),
                ChicoryHostImports.of(name, metrics));
        memory = instance.memory();
        alloc = instance.export("alloc");
        transform = instance.export("transform");
        outputLen = instance.export("output_len");
        hasInit = exports(module, "init");
        hasShutdown = exports(module, "shutdown");
    }

    private static boolean exports(WasmModule module, String name) {
        ExportSection exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code init} with {@code config} (a JSON object) when the guest exports it. */
    void init(byte[] config) {
        if (!hasInit) {
            return;
        }
        int ptr = write(config);
        int status = (int) instance.export("init").apply(ptr, config.length)[0];
        if (status != 0) {
            throw new IllegalStateException("init returned " + status);
        }
    }

    /** The guest's output for the event {@code json}, or null when it filtered the event out. */
    byte[] transform(byte[] json) {
        int ptr = write(json);
        int r = (int) transform.apply(ptr, json.length)[0];
        if (r == -1) {
            return null;
        }
        if (r < -1) {
            throw new IllegalStateException("transform returned error code " + r);
        }
        int n = (int) outputLen.apply()[0];
        if (n < 0) {
            throw new IllegalStateException("output_len returned " + n);
        }
        if (n == 0) {
            return null;
        }
        if (Integer.toUnsignedLong(r) + n > byteSize()) {
            throw new IllegalStateException("output [" + Integer.toUnsignedLong(r) + ", +" + n + ") lies outside guest "
                    + "memory of " + byteSize() + " bytes");
        }
        return memory.readBytes(r, n);
    }

    /** Runs {@code shutdown} when the guest exports it. */
    void shutdown() {
        if (hasShutdown) {
            int status = (int) instance.export("shutdown").apply()[0];
            if (status != 0) {
                throw new IllegalStateException("shutdown returned " + status);
            }
        }
    }

    /** {@code bytes} copied into guest memory at a fresh {@code alloc}; its pointer. */
    private int write(byte[] bytes) {
        int ptr = (int) alloc.apply(bytes.length)[0];
        if (ptr < 0) {
            throw new IllegalStateException("alloc(" + bytes.length + ") returned " + ptr);
        }
        if (Integer.toUnsignedLong(ptr) + bytes.length > byteSize()) {
            throw new IllegalStateException("alloc(" + bytes.length + ") returned a pointer where the bytes do not fit "
                    + "in guest memory of " + byteSize() + " bytes");
        }
        memory.write(ptr, bytes);
        return ptr;
    }

    private long byteSize() {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }
}

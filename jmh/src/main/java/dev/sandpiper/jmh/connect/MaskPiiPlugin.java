package dev.sandpiper.jmh.connect;

import dev.sandpiper.jmh.transform.TransformCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The masking every connect benchmark does, and the settings each SMT gets for it: the fields {@code email},
 * {@code phone} and {@code ssn} of the rows, masked with {@value #REDACTED} (what the mask-pii guest writes, and
 * MaskField's {@code replacement}).
 */
public final class MaskPiiPlugin {

    public static final List<String> FIELDS = List.of("email", "phone", "ssn");

    public static final String REDACTED = "***REDACTED***";

    /** The guest's {@code config}, as a user writes it in the connector's properties. */
    public static final String GUEST_CONFIG = "{\"fields_to_mask\":[\"email\",\"phone\",\"ssn\"]}";

    private static Path module;

    private MaskPiiPlugin() {}

    /**
     * {@code examples/transforms/mask-pii/mask-pii.wasm} as a file ({@code module} names a file): the guest
     * packaged in the jar, copied once per JVM to a temporary file deleted on exit.
     */
    public static synchronized Path module() {
        if (module == null) {
            try {
                Path p = Files.createTempFile("mask-pii-", ".wasm");
                p.toFile().deleteOnExit();
                Files.write(p, TransformCase.MASK_PII.wasm());
                module = p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return module;
    }

    /**
     * The settings of a guest SMT ({@code WasmTransform}, {@link ChicoryWasmTransform}) running mask-pii with
     * {@code engine}: the guest's config, {@code timeout.ms} {@value TransformCase#TIMEOUT_MS} as in the transform
     * benchmarks (a slow record on a cold or busy JVM is measured, not failed), and otherwise the defaults
     * (16 MiB, no fuel limit, 1 instance, {@code on.error=fail}).
     */
    public static Map<String, String> guestProps(String engine) {
        Map<String, String> p = new HashMap<>();
        p.put("name", "mask-pii");
        p.put("module", module().toString());
        p.put("config", GUEST_CONFIG);
        p.put("timeout.ms", Long.toString(TransformCase.TIMEOUT_MS));
        p.put("engine", engine);
        return p;
    }

    /** The settings of {@code MaskField$Value}: the same fields, replaced by {@value #REDACTED}. */
    public static Map<String, String> maskFieldProps() {
        return Map.of("fields", String.join(",", FIELDS), "replacement", REDACTED);
    }
}

package dev.sandpiper.cli;

import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.Wat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code sandpiper wat2wasm FILE.wat -o FILE.wasm}: parses a text-format module and writes its
 * binary. Exit 0, or 1 with {@code FILE:LINE:COL: message} on stderr for a malformed text.
 */
final class Wat2WasmCommand {
    private final PrintStream err;

    Wat2WasmCommand(PrintStream err) {
        this.err = err;
    }

    int run(String[] args) {
        String input = null;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-o") && i + 1 < args.length) {
                output = args[++i];
            } else if (input == null && !args[i].startsWith("-")) {
                input = args[i];
            } else {
                return usage();
            }
        }
        if (input == null || output == null) {
            return usage();
        }
        byte[] binary;
        try {
            binary = Wat.parseModule(ImplementationLimits.readModule(Paths.get(input)), input);
        } catch (IOException e) {
            err.println("sandpiper wat2wasm: cannot read " + input + ": " + IoErrors.reason(e));
            return 1;
        } catch (TextFormatException e) {
            err.println(e.getMessage());
            return 1;
        }
        try {
            Files.write(Path.of(output), binary);
        } catch (IOException e) {
            err.println("sandpiper wat2wasm: cannot write " + output + ": " + IoErrors.reason(e));
            return 1;
        }
        return 0;
    }

    private int usage() {
        err.println("usage: sandpiper wat2wasm FILE.wat -o FILE.wasm");
        return Main.USAGE;
    }
}

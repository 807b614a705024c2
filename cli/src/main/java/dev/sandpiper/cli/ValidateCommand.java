package dev.sandpiper.cli;

import dev.sandpiper.abi.ModuleSource;
import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.validator.InvalidModuleException;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.validator.ModuleValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code sandpiper validate FILE.wasm|FILE.wat...}: decodes (a text module is parsed first) and validates each file and prints one line per
 * file, {@code FILE: ok (N functions, N imports, N exports)}, {@code FILE: malformed: MESSAGE at
 * offset N} or {@code FILE: invalid: MESSAGE [in function N] at offset N}. Exit 0 when every file
 * is ok, 1 otherwise.
 */
final class ValidateCommand {
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] files) {
        if (files.length == 0) {
            err.println("usage: sandpiper validate FILE.wasm|FILE.wat...");
            return Main.USAGE;
        }
        boolean allOk = true;
        for (String f : files) {
            String line = check(Paths.get(f));
            allOk &= line.startsWith("ok (");
            out.println(f + ": " + line);
        }
        return allOk ? 0 : 1;
    }

    /** The verdict for one file, without the file name. */
    static String check(Path file) {
        byte[] bytes;
        try {
            bytes = ImplementationLimits.readModule(file);
        } catch (IOException e) {
            return "error: cannot read file: " + IoErrors.reason(e);
        }
        try {
            bytes = ModuleSource.toBinary(bytes, file.toString());
        } catch (TextFormatException e) {
            return "malformed: " + e.getMessage();
        }
        try {
            Module m = ModuleDecoder.decode(bytes);
            ModuleValidator.validate(m);
            return "ok (" + m.functionCount() + " functions, " + m.imports().size() + " imports, "
                    + m.exports().size() + " exports)";
        } catch (MalformedModuleException e) {
            return "malformed: " + e.getMessage();
        } catch (InvalidModuleException e) {
            return "invalid: " + e.getMessage();
        }
    }
}

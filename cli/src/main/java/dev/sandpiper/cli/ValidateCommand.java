package dev.sandpiper.cli;

import dev.sandpiper.abi.ModuleSource;
import dev.sandpiper.decoder.Features;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sandpiper validate [--features LIST] FILE.wasm|FILE.wat...}: decodes (a text module is parsed first) and validates each file and prints one line per
 * file, {@code FILE: ok (N functions, N imports, N exports)}, {@code FILE: malformed: MESSAGE at
 * offset N} or {@code FILE: invalid: MESSAGE [in function N] at offset N}. Exit 0 when every file
 * is ok, 1 otherwise. With {@code --features} a module using a proposal left out is malformed or
 * invalid, the message naming the feature ({@link FeaturesOption}).
 */
final class ValidateCommand {
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final String USAGE = "usage: sandpiper validate " + FeaturesOption.SYNOPSIS + " FILE.wasm|FILE.wat...";

    int run(String[] args) {
        Features features = Features.all();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(FeaturesOption.NAME)) {
                try {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(FeaturesOption.NAME + " needs a value");
                    }
                    features = FeaturesOption.parse(args[++i]);
                } catch (IllegalArgumentException e) {
                    err.println("sandpiper validate: " + e.getMessage());
                    err.println(USAGE);
                    return Main.USAGE;
                }
            } else {
                files.add(args[i]);
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return Main.USAGE;
        }
        boolean allOk = true;
        for (String f : files) {
            String line = check(Paths.get(f), features);
            allOk &= line.startsWith("ok (");
            out.println(f + ": " + line);
        }
        return allOk ? 0 : 1;
    }

    /** The verdict for one file, without the file name, with every feature enabled. */
    static String check(Path file) {
        return check(file, Features.all());
    }

    /** The verdict for one file whose module may use only {@code features}. */
    static String check(Path file, Features features) {
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
            Module m = ModuleDecoder.decode(bytes, features);
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

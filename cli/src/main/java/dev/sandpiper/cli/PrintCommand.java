package dev.sandpiper.cli;

import dev.sandpiper.abi.ModuleSource;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.print.WatPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;

/**
 * {@code sandpiper print FILE.wasm}: prints the module in the text format's flat form, with names
 * from its name section (a {@code .wat} is parsed first, so this also normalises text). Exit 0, or 1
 * with {@code malformed: MESSAGE} when the module cannot be read.
 */
final class PrintCommand {
    private final PrintStream out;
    private final PrintStream err;

    PrintCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: sandpiper print FILE.wasm");
            return Main.USAGE;
        }
        try {
            out.print(WatPrinter.print(ModuleSource.read(Paths.get(args[0]))));
            return 0;
        } catch (IOException e) {
            err.println("sandpiper print: cannot read " + args[0] + ": " + IoErrors.reason(e));
            return 1;
        } catch (MalformedModuleException | TextFormatException e) {
            err.println("malformed: " + e.getMessage());
            return 1;
        }
    }
}

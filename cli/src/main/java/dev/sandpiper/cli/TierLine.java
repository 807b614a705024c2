package dev.sandpiper.cli;

import dev.sandpiper.compiler.runtime.CompiledTier;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.interpreter.ModuleTier;

/**
 * The {@code tier:} line of {@code invoke --stats}: which tier ran a call, and when the module is
 * compiled, how many of its functions are. A call runs on the tier attached when it starts
 * (instances switch only between calls), so the caller takes {@code tier} before the call.
 */
final class TierLine {
    private TierLine() {}

    /**
     * @param module the module called
     * @param tier its second tier when the call started, or null
     * @param funcIndex the called function (module index space)
     */
    static String describe(Module module, ModuleTier tier, int funcIndex) {
        if (!(tier instanceof CompiledTier compiled)) {
            return "tier: interpreter";
        }
        int count = 0;
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            count += compiled.compiles(f) ? 1 : 0;
        }
        String functions = count + " of " + module.definedFunctionCount() + " functions compiled";
        return compiled.compiles(funcIndex)
                ? "tier: compiled (" + functions + ")"
                : "tier: interpreter (the function is not compiled; " + functions + ")";
    }
}

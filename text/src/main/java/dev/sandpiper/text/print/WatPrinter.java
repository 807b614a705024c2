package dev.sandpiper.text.print;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.TableType;

/**
 * Binary to text: a module in the text format's flat form, one field per line in the binary's
 * section order (types, imports, functions, tables, memories, globals, exports, start, elements,
 * data), every index space written in order so that each definition has the index it had in the
 * binary. Definitions carry their index as a comment {@code (;n;)} and, for functions and locals
 * named in the name section, a {@code $name}. {@code Wat.parseModule(print(m))} decodes to a module
 * equal to {@code m} in everything but custom sections.
 *
 * <p>Spec: 2.0, 6.6 Modules ({@code text/modules.html}): 6.6.2 types, 6.6.4 imports, 6.6.5
 * functions, 6.6.6 tables, 6.6.7 memories, 6.6.8 globals, 6.6.9 exports, 6.6.10 start.
 */
public final class WatPrinter {
    private final Module module;
    private final Names names;
    private final InstructionPrinter instructions;
    private final StringBuilder sb = new StringBuilder();

    private WatPrinter(Module module) {
        this.module = module;
        this.names = new Names(module);
        this.instructions = new InstructionPrinter(names);
    }

    /** Decodes {@code wasm} and prints it; a malformed binary throws the decoder's exception. */
    public static String print(byte[] wasm) {
        return print(ModuleDecoder.decode(wasm));
    }

    /** Prints a decoded module. */
    public static String print(Module module) {
        return new WatPrinter(module).module();
    }

    private String module() {
        sb.append("(module");
        if (TextStrings.isIdentifier(module.names() == null ? null : module.names().moduleName())) {
            sb.append(" $").append(module.names().moduleName());
        }
        sb.append('\n');
        RecTypes types = module.recTypes();
        for (int i = 0; i < types.size(); i += types.groupSize(i)) {
            int size = types.groupSize(i);
            String indent = size == 1 ? "  " : "    ";
            if (size != 1) {
                sb.append("  (rec\n");
            }
            for (int k = i; k < i + size; k++) {
                sb.append(indent).append("(type (;").append(k).append(";) ");
                Types.subType(sb, types.type(k));
                sb.append(")\n");
            }
            if (size != 1) {
                sb.append("  )\n");
            }
        }
        imports();
        functions();
        for (int i = 0; i < module.tables().size(); i++) {
            sb.append("  (table (;").append(module.tableSpace().size() - module.tables().size() + i).append(";) ");
            TableType t = module.tables().get(i);
            table(t);
            if (t.init() != null) {
                sb.append(' ');
                instructions.printInline(sb, module.codeReader(t.init()));
            }
            sb.append(")\n");
        }
        for (int i = 0; i < module.memories().size(); i++) {
            sb.append("  (memory (;").append(module.memorySpace().size() - module.memories().size() + i).append(";) ");
            Types.limits(sb, module.memories().get(i).limits());
            sb.append(")\n");
        }
        int firstTag = module.tagCount() - module.definedTagCount();
        for (int i = firstTag; i < module.tagCount(); i++) {
            sb.append("  (tag (;").append(i).append(";)");
            typeUse(module.tagTypeIndex(i));
            sb.append(")\n");
        }
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            sb.append("  (global (;").append(module.importedGlobalCount() + i).append(";) ");
            globalType(g.type());
            sb.append(' ');
            instructions.printInline(sb, module.codeReader(g.init()));
            sb.append(")\n");
        }
        new SegmentPrinter(module, names, instructions, sb).exportsStartElementsData();
        sb.append(")\n");
        return sb.toString();
    }

    private void imports() {
        int func = 0;
        int table = 0;
        int memory = 0;
        int global = 0;
        int tag = 0;
        for (Import imp : module.imports()) {
            sb.append("  (import ");
            TextStrings.appendName(sb, imp.module());
            sb.append(' ');
            TextStrings.appendName(sb, imp.name());
            sb.append(" (");
            ImportDesc d = imp.desc();
            if (d instanceof ImportDesc.Func f) {
                sb.append("func");
                String n = names.function(func);
                sb.append(n != null ? " " + n : "").append(" (;").append(func++).append(";)");
                typeUse(f.typeIndex());
            } else if (d instanceof TableType t) {
                sb.append("table (;").append(table++).append(";) ");
                table(t);
            } else if (d instanceof MemoryType m) {
                sb.append("memory (;").append(memory++).append(";) ");
                Types.limits(sb, m.limits());
            } else if (d instanceof GlobalType g) {
                sb.append("global (;").append(global++).append(";) ");
                globalType(g);
            } else if (d instanceof ImportDesc.Tag t) {
                sb.append("tag (;").append(tag++).append(";)");
                typeUse(t.typeIndex());
            }
            sb.append("))\n");
        }
    }

    /** {@code (type x) (param ...) (result ...)}: the explicit index keeps the type's position. */
    private void typeUse(int typeIndex) {
        sb.append(" (type ").append(Integer.toUnsignedString(typeIndex)).append(')');
        if (Integer.compareUnsigned(typeIndex, module.types().size()) < 0) {
            Types.signature(sb, module.types().get(typeIndex));
        }
    }

    private void functions() {
        int imported = module.importedFunctionCount();
        for (int i = 0; i < module.definedFunctionCount(); i++) {
            int f = imported + i;
            int typeIndex = module.definedFunctionTypeIndex(i);
            sb.append("  (func");
            String n = names.function(f);
            sb.append(n != null ? " " + n : "").append(" (;").append(f).append(";)");
            sb.append(" (type ").append(Integer.toUnsignedString(typeIndex)).append(')');
            FuncType type = Integer.compareUnsigned(typeIndex, module.types().size()) < 0
                    ? module.types().get(typeIndex) : null;
            int params = type == null ? 0 : type.params().size();
            if (type != null) {
                for (int p = 0; p < params; p++) {
                    String local = names.local(f, p);
                    if (local != null) {
                        sb.append(" (param ").append(local).append(' ').append(type.params().get(p)).append(')');
                    } else {
                        sb.append(" (param ").append(type.params().get(p)).append(')');
                    }
                }
                Types.group(sb, "result", type.results());
            }
            sb.append('\n');
            if (i < module.codes().size()) {
                var body = module.codes().get(i);
                for (int l = 0; l < body.locals().length; l++) {
                    String local = names.local(f, params + l);
                    sb.append("    (local").append(local != null ? " " + local : "").append(' ')
                            .append(body.locals()[l]).append(")\n");
                }
                instructions.printBody(sb, module.codeReader(i), f, 4);
            }
            sb.append("  )\n");
        }
    }

    private void table(TableType t) {
        Types.limits(sb, t.limits());
        sb.append(' ').append(t.elementType());
    }

    private void globalType(GlobalType g) {
        if (g.mutable()) {
            sb.append("(mut ").append(g.valType()).append(')');
        } else {
            sb.append(g.valType());
        }
    }
}

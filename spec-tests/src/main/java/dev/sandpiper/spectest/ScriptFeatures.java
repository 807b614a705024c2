package dev.sandpiper.spectest;

import dev.sandpiper.spectest.features.BinaryFeatures;
import dev.sandpiper.spectest.features.Feature;
import dev.sandpiper.spectest.features.Sexp;
import dev.sandpiper.spectest.features.TextFeatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 3.0 features each command of a script needs: those of its own content, and those of the
 * modules it uses. An action or assertion on a module (named, or the current one) inherits that
 * module's; {@code register} inherits the registered module's; a module that imports from a
 * registered name inherits what that registration needs (it cannot link without it), and a
 * skipped module passes its needs on to the modules it imports from (it would have written to
 * them). Computed from the script's text alone, before anything runs.
 */
public final class ScriptFeatures {
    /**
     * The suite's proposal folders: a script under {@code proposals/NAME/} is that proposal's own
     * suite, written against the proposal's spec (for threads, a core older than 2.0: its
     * {@code imports.wast} still expects "multiple tables" to be invalid), so all its commands
     * need the proposal.
     */
    private static final Map<String, Feature> PROPOSAL_FOLDERS = Map.of("threads", Feature.THREADS);

    /** A module as commands see it: the features it needs, which may grow after it loaded. */
    private static final class Module {
        final EnumSet<Feature> needs;

        Module(Set<Feature> needs) {
            this.needs = needs.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(needs);
        }
    }

    private final Set<Feature> script;
    private Module current = new Module(Set.of());
    private final Map<String, Module> named = new HashMap<>();
    /** Module definitions (3.0 script; named modules too) by name, and the last one. */
    private final Map<String, Module> definitions = new HashMap<>();
    private Module lastDefinition = new Module(Set.of());
    /** The registered modules each definition imports from (its instances may write to them). */
    private final Map<Module, List<Module>> definitionImports = new HashMap<>();
    private final Map<String, Module> registered = new HashMap<>();

    private ScriptFeatures(Set<Feature> script) {
        this.script = script;
    }

    /** For each command of {@code script}, in order, the features it needs. */
    public static List<Set<Feature>> of(SpecScript script) {
        ScriptFeatures s = new ScriptFeatures(proposal(script.file()));
        List<Set<Feature>> out = new ArrayList<>();
        for (Command c : script.commands()) {
            out.add(s.command(script, c));
        }
        return out;
    }

    /** The feature of the proposal folder a script is in, if any. */
    static Set<Feature> proposal(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && dir.getParent() != null && dir.getParent().getFileName() != null
                && dir.getParent().getFileName().toString().equals("proposals")) {
            Feature f = PROPOSAL_FOLDERS.get(dir.getFileName().toString());
            if (f != null) {
                return EnumSet.of(f);
            }
        }
        return Set.of();
    }

    private Set<Feature> command(SpecScript spec, Command c) {
        EnumSet<Feature> needs = EnumSet.noneOf(Feature.class);
        needs.addAll(script);
        Sexp form = form(c);
        if (form != null) {
            needs.addAll(TextFeatures.of(form));
        } else {
            needs.addAll(jsonContent(spec, c));
        }
        Directive d = c.directive();
        if (d instanceof Directive.Module m) {
            List<Module> imported = imports(form);
            imported.forEach(x -> needs.addAll(x.needs));
            taint(imported, needs);
            current = new Module(needs);
            lastDefinition = current;
            definitionImports.put(current, imported);
            if (m.name() != null) {
                named.put(m.name(), current);
                definitions.put(m.name(), current);
            }
        } else if (d instanceof Directive.Definition def) {
            // imports are resolved when it is instantiated; a definition writes to nothing
            List<Module> imported = imports(form);
            imported.forEach(x -> needs.addAll(x.needs));
            lastDefinition = new Module(needs);
            definitionImports.put(lastDefinition, imported);
            if (def.name() != null) {
                definitions.put(def.name(), lastDefinition);
            }
        } else if (d instanceof Directive.Instantiate i) {
            // an instance needs what its definition needs, and instantiating it may write to its imports
            Module def = i.definition() == null ? lastDefinition
                    : definitions.getOrDefault(i.definition(), new Module(Set.of()));
            needs.addAll(def.needs);
            taint(definitionImports.getOrDefault(def, List.of()), needs);
            current = new Module(needs);
            if (i.name() != null) {
                named.put(i.name(), current);
            }
        } else if (d instanceof Directive.Register r) {
            Module target = module(r.name());
            needs.addAll(target.needs);
            registered.put(r.as(), target);
        } else if (d instanceof Directive.Perform p) {
            needs.addAll(module(p.action().module()).needs);
        } else if (d instanceof Directive.AssertReturn a) {
            needs.addAll(module(a.action().module()).needs);
        } else if (d instanceof Directive.AssertTrap t) {
            needs.addAll(module(t.action().module()).needs);
        } else if (d instanceof Directive.AssertException e) {
            needs.addAll(module(e.action().module()).needs);
        } else if (d instanceof Directive.AssertModule a) {
            List<Module> imported = imports(form);
            imported.forEach(x -> needs.addAll(x.needs));
            if (a.failure() == Directive.Failure.UNINSTANTIABLE) {
                taint(imported, needs);
            }
        }
        return needs;
    }

    /**
     * A module that is instantiated (or starts to be, and traps) may write to the tables, memories
     * and globals it imports (2.0, Execution > Modules > Instantiation: segments are applied, the
     * start function runs), so when it is skipped, later commands on the modules it imports from
     * see a different state: they need its features too.
     */
    private static void taint(List<Module> imported, Set<Feature> needs) {
        if (!needs.isEmpty()) {
            for (Module x : imported) {
                x.needs.addAll(needs);
            }
        }
    }

    private static Sexp form(Command c) {
        if (c.source() == null) {
            return null;
        }
        List<Sexp> forms = Sexp.parseAll(c.source());
        return forms.isEmpty() ? null : forms.get(0);
    }

    private Module module(String name) {
        return name == null ? current : named.getOrDefault(name, new Module(Set.of()));
    }

    /** The registered modules a module imports from: its {@code (import "name" ...)} fields. */
    private List<Module> imports(Sexp form) {
        List<Module> out = new ArrayList<>();
        if (form != null) {
            collectImports(form, out);
        }
        return out;
    }

    private void collectImports(Sexp s, List<Module> out) {
        if (!s.isList()) {
            return;
        }
        if (s.isList("import") && s.items().size() > 1 && s.items().get(1).isString()) {
            Module m = registered.get(new String(s.items().get(1).bytes(), StandardCharsets.UTF_8));
            if (m != null && !out.contains(m)) {
                out.add(m);
            }
        }
        for (Sexp item : s.items()) {
            collectImports(item, out);
        }
    }

    /** A wast2json command's module: the {@code .wasm} bytes, or the {@code .wat} text. */
    private static Set<Feature> jsonContent(SpecScript script, Command c) {
        String file = c.text("filename");
        if (file == null) {
            return Set.of();
        }
        try {
            byte[] bytes = script.moduleBytes(file);
            return "text".equals(c.text("module_type"))
                    ? TextFeatures.ofFields(new String(bytes, StandardCharsets.UTF_8))
                    : BinaryFeatures.of(bytes);
        } catch (RuntimeException unreadable) {
            return Set.of(); // the runner reports the missing file
        }
    }
}

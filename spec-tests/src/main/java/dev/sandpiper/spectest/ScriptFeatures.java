package dev.sandpiper.spectest;

import dev.sandpiper.spectest.features.BinaryFeatures;
import dev.sandpiper.spectest.features.Feature;
import dev.sandpiper.spectest.features.Sexp;
import dev.sandpiper.spectest.features.TextFeatures;
import java.nio.charset.StandardCharsets;
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
 * registered name inherits what that registration needs (it cannot link without it). Computed
 * from the script's text alone, before anything runs.
 */
public final class ScriptFeatures {
    private final EnumSet<Feature> none = EnumSet.noneOf(Feature.class);
    private Set<Feature> current = none;
    private final Map<String, Set<Feature>> named = new HashMap<>();
    private final Map<String, Set<Feature>> registered = new HashMap<>();

    private ScriptFeatures() {}

    /** For each command of {@code script}, in order, the features it needs. */
    public static List<Set<Feature>> of(SpecScript script) {
        ScriptFeatures s = new ScriptFeatures();
        List<Set<Feature>> out = new ArrayList<>();
        for (Command c : script.commands()) {
            out.add(s.command(script, c));
        }
        return out;
    }

    private Set<Feature> command(SpecScript script, Command c) {
        EnumSet<Feature> needs = EnumSet.noneOf(Feature.class);
        Sexp form = form(c);
        if (form != null) {
            needs.addAll(TextFeatures.of(form));
        } else {
            needs.addAll(jsonContent(script, c));
        }
        Directive d = c.directive();
        if (d instanceof Directive.Module m) {
            needs.addAll(imports(form));
            current = needs;
            if (m.name() != null) {
                named.put(m.name(), needs);
            }
        } else if (d instanceof Directive.Register r) {
            needs.addAll(module(r.name()));
            registered.put(r.as(), needs);
        } else if (d instanceof Directive.Perform p) {
            needs.addAll(module(p.action().module()));
        } else if (d instanceof Directive.AssertReturn a) {
            needs.addAll(module(a.action().module()));
        } else if (d instanceof Directive.AssertTrap t) {
            needs.addAll(module(t.action().module()));
        } else if (d instanceof Directive.AssertModule) {
            needs.addAll(imports(form));
        }
        return needs;
    }

    private static Sexp form(Command c) {
        if (c.source() == null) {
            return null;
        }
        List<Sexp> forms = Sexp.parseAll(c.source());
        return forms.isEmpty() ? null : forms.get(0);
    }

    private Set<Feature> module(String name) {
        return name == null ? current : named.getOrDefault(name, none);
    }

    /** What the registrations a module imports from need: {@code (import "name" ...)} fields. */
    private Set<Feature> imports(Sexp form) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        if (form != null) {
            collectImports(form, out);
        }
        return out;
    }

    private void collectImports(Sexp s, Set<Feature> out) {
        if (!s.isList()) {
            return;
        }
        if (s.isList("import") && s.items().size() > 1 && s.items().get(1).isString()) {
            Set<Feature> f = registered.get(new String(s.items().get(1).bytes(), StandardCharsets.UTF_8));
            if (f != null) {
                out.addAll(f);
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

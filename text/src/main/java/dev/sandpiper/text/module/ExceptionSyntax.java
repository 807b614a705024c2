package dev.sandpiper.text.module;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;

/**
 * The structured instructions of exception handling in text: {@code try_table} with its catch
 * clauses, plain and folded (3.0, Text Format > Instructions > Control Instructions), and the
 * legacy {@code try} with {@code catch}, {@code catch_all} or {@code delegate} arms, plain and
 * folded with {@code (do ...)} (the 3.0 appendix's legacy exception handling). A catch clause's
 * label and a {@code delegate}'s are resolved outside the instruction's own label, as their
 * binary indices count.
 */
final class ExceptionSyntax {
    private final ModuleContext m;
    private final TokenCursor c;
    private final InstructionParser p;

    ExceptionSyntax(ModuleContext m, InstructionParser p) {
        this.m = m;
        this.c = m.c;
        this.p = p;
    }

    /** Whether a plain instruction sequence stops at {@code word}: an arm of a legacy try. */
    static boolean endsArm(String word) {
        return word.equals("catch") || word.equals("catch_all") || word.equals("delegate");
    }

    /** {@code try_table label? bt catch* instr* end id?}, after the keyword. */
    void plainTryTable(ByteSink out) {
        String label = tryTableHead(out);
        p.instrs(out);
        c.expectKeyword("end");
        p.endId(label);
        p.popLabel();
        out.u8(Opcode.END.code());
    }

    /** {@code (try_table label? bt catch* instr*)}, after the keyword; the caller closes it. */
    void foldedTryTable(ByteSink out) {
        tryTableHead(out);
        p.instrs(out);
        p.popLabel();
        out.u8(Opcode.END.code());
    }

    private String tryTableHead(ByteSink out) {
        String label = c.optionalId();
        TypeUse bt = TypeUse.parse(c, m.types, false);
        ByteSink clauses = new ByteSink();
        int n = 0;
        while (atClause()) {
            c.next();
            Token k = c.next();
            int kind = switch (k.text()) {
                case "catch" -> CodeReader.CATCH;
                case "catch_ref" -> CodeReader.CATCH_REF;
                case "catch_all" -> CodeReader.CATCH_ALL;
                default -> CodeReader.CATCH_ALL_REF;
            };
            clauses.u8(kind);
            if (kind <= CodeReader.CATCH_REF) {
                clauses.u32(m.tags.resolve(c));
            }
            clauses.u32(p.label());
            c.expectRParen();
            n++;
        }
        out.u8(Opcode.TRY_TABLE.code());
        p.blockType(bt, out);
        out.u32(n);
        out.append(clauses);
        p.pushLabel(label);
        return label;
    }

    private boolean atClause() {
        return c.atLParen("catch") || c.atLParen("catch_ref") || c.atLParen("catch_all") || c.atLParen("catch_all_ref");
    }

    /** Legacy {@code try label? bt instr* (catch x instr*)* (catch_all instr*)? end}, or {@code ... delegate l}. */
    void plainTry(ByteSink out) {
        String label = c.optionalId();
        TypeUse bt = TypeUse.parse(c, m.types, false);
        out.u8(Opcode.TRY.code());
        p.blockType(bt, out);
        p.pushLabel(label);
        p.instrs(out);
        if (c.atKeyword("delegate")) {
            c.next();
            p.popLabel();
            out.u8(Opcode.DELEGATE.code());
            out.u32(p.label());
            return;
        }
        boolean all = false;
        while (!all && (c.atKeyword("catch") || c.atKeyword("catch_all"))) {
            all = c.next().text().equals("catch_all");
            catchArm(all, out);
            p.instrs(out);
        }
        c.expectKeyword("end");
        p.endId(label);
        p.popLabel();
        out.u8(Opcode.END.code());
    }

    /** Legacy {@code (try label? bt (do instr*) (catch x instr*)* (catch_all instr*)?)} or {@code (do ...) (delegate l)}. */
    void foldedTry(ByteSink out) {
        String label = c.optionalId();
        TypeUse bt = TypeUse.parse(c, m.types, false);
        out.u8(Opcode.TRY.code());
        p.blockType(bt, out);
        p.pushLabel(label);
        c.expectLParen("do");
        p.instrs(out);
        c.expectRParen();
        if (c.atLParen("delegate")) {
            c.next();
            c.next();
            p.popLabel();
            out.u8(Opcode.DELEGATE.code());
            out.u32(p.label());
            c.expectRParen();
            return;
        }
        boolean all = false;
        while (!all && (c.atLParen("catch") || c.atLParen("catch_all"))) {
            c.next();
            all = c.next().text().equals("catch_all");
            catchArm(all, out);
            p.instrs(out);
            c.expectRParen();
        }
        p.popLabel();
        out.u8(Opcode.END.code());
    }

    private void catchArm(boolean all, ByteSink out) {
        if (all) {
            out.u8(Opcode.CATCH_ALL.code());
        } else {
            out.u8(Opcode.CATCH.code());
            out.u32(m.tags.resolve(c));
        }
    }
}

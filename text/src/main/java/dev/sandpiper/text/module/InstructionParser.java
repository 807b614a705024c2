package dev.sandpiper.text.module;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenCursor;
import dev.sandpiper.text.lex.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instructions (spec 6.5) into their binary encoding (spec 5.4): plain instructions with their
 * immediates, structured ones with labels and block types (spec 6.5.2), and folded instructions
 * (spec 6.5.6, abbreviation): {@code (op imm* folded*)} is {@code folded* op imm*}, and
 * {@code (if bt folded* (then ...) (else ...)?)} is {@code folded* if bt ... else ... end}.
 */
public final class InstructionParser {
    private static final Map<String, Opcode> OPS = new HashMap<>();
    /** Keywords of module syntax: meeting one where an instruction should be is an unexpected token. */
    private static final Set<String> SYNTAX = Set.of("param", "result", "type", "local", "then", "else", "end",
            "export", "import", "item", "offset", "func", "mut", "module", "memory", "table", "global", "elem",
            "data", "start", "declare", "tag", "do", "catch", "catch_ref", "catch_all", "catch_all_ref", "delegate");
    /** Instructions this class parses by their structure, not as an opcode with immediates. */
    private static final Set<Opcode> STRUCTURED = Set.of(Opcode.SELECT_T, Opcode.TRY_TABLE, Opcode.TRY, Opcode.CATCH,
            Opcode.CATCH_ALL, Opcode.DELEGATE);

    static {
        for (Opcode op : Opcode.values()) {
            if (!STRUCTURED.contains(op)) {
                OPS.putIfAbsent(op.text(), op); // ref.test/ref.cast: the nullable form is chosen by the type
            }
        }
    }

    private final ModuleContext m;
    private final TokenCursor c;
    private final IndexSpace locals;
    private final List<String> labels = new ArrayList<>();
    private final InstructionImmediates imm;
    private final ExceptionSyntax exceptions;

    InstructionParser(ModuleContext m, IndexSpace locals) {
        this.m = m;
        this.c = m.c;
        this.locals = locals;
        this.imm = new InstructionImmediates(m, this);
        this.exceptions = new ExceptionSyntax(m, this);
    }

    /** {@code instr*}: up to a closing parenthesis, or {@code end} / {@code else} of a plain block. */
    void instrs(ByteSink out) {
        while (true) {
            Token t = c.peek();
            if (t.is(TokenKind.LPAREN)) {
                folded(out);
            } else if (t.is(TokenKind.KEYWORD)) {
                if (t.text().equals("end") || t.text().equals("else") || ExceptionSyntax.endsArm(t.text())) {
                    return;
                }
                plain(out);
            } else if (t.is(TokenKind.RPAREN) || t.is(TokenKind.EOF)) {
                return;
            } else {
                throw c.unexpected(t);
            }
        }
    }

    /** A constant or other expression up to the closing parenthesis, with its final {@code end}. */
    byte[] expression() {
        ByteSink out = new ByteSink();
        instrs(out);
        out.u8(Opcode.END.code());
        return out.toByteArray();
    }

    /** One folded instruction {@code ( ... )} with a final {@code end}: an abbreviated expression. */
    byte[] foldedExpression() {
        ByteSink out = new ByteSink();
        folded(out);
        out.u8(Opcode.END.code());
        return out.toByteArray();
    }

    private void plain(ByteSink out) {
        Token t = c.next();
        switch (t.text()) {
            case "block" -> plainBlock(Opcode.BLOCK, out);
            case "loop" -> plainBlock(Opcode.LOOP, out);
            case "if" -> plainBlock(Opcode.IF, out);
            case "try_table" -> exceptions.plainTryTable(out);
            case "try" -> exceptions.plainTry(out);
            default -> {
                Opcode op = opcode(t);
                imm.instruction(op, out, true);
            }
        }
    }

    /** {@code block label bt instr* end id?} and the like, spec 6.5.2. */
    private void plainBlock(Opcode op, ByteSink out) {
        String label = c.optionalId();
        TypeUse bt = TypeUse.parse(c, m.types, false);
        out.u8(op.code());
        blockType(bt, out);
        labels.add(label);
        instrs(out);
        if (op == Opcode.IF && c.atKeyword("else")) {
            c.next();
            endId(label);
            elseBranch(out);
        }
        c.expectKeyword("end");
        endId(label);
        labels.remove(labels.size() - 1);
        out.u8(Opcode.END.code());
    }

    /** The optional identifier after {@code else} or {@code end}: it must repeat the label. */
    void endId(String label) {
        if (c.at(TokenKind.ID)) {
            Token id = c.next();
            if (!id.text().equals(label)) {
                throw c.error(id, "mismatching label");
            }
        }
    }

    private void folded(ByteSink out) {
        c.expectLParen();
        Token t = c.peek();
        if (!t.is(TokenKind.KEYWORD)) {
            throw c.unexpected(t);
        }
        c.next();
        switch (t.text()) {
            case "block", "loop" -> {
                Opcode op = t.text().equals("block") ? Opcode.BLOCK : Opcode.LOOP;
                String label = c.optionalId();
                TypeUse bt = TypeUse.parse(c, m.types, false);
                out.u8(op.code());
                blockType(bt, out);
                labels.add(label);
                instrs(out);
                labels.remove(labels.size() - 1);
                out.u8(Opcode.END.code());
            }
            case "if" -> foldedIf(out);
            case "try_table" -> exceptions.foldedTryTable(out);
            case "try" -> exceptions.foldedTry(out);
            default -> {
                Opcode op = opcode(t);
                if (op == Opcode.CALL_INDIRECT) {
                    int table = IndexSpace.atIndex(c) ? m.tables.resolve(c) : 0;
                    TypeUse use = TypeUse.parse(c, m.types, false);
                    operands(out);
                    out.u8(op.code());
                    out.u32(use.resolve(c, m.typeTable));
                    out.u32(table);
                } else {
                    ByteSink self = new ByteSink();
                    imm.instruction(op, self, false);
                    operands(out);
                    out.append(self);
                }
            }
        }
        c.expectRParen();
    }

    private void operands(ByteSink out) {
        while (c.at(TokenKind.LPAREN)) {
            folded(out);
        }
    }

    private void foldedIf(ByteSink out) {
        String label = c.optionalId();
        TypeUse bt = TypeUse.parse(c, m.types, false);
        while (c.at(TokenKind.LPAREN) && !c.atLParen("then")) {
            folded(out);
        }
        out.u8(Opcode.IF.code());
        blockType(bt, out);
        labels.add(label);
        c.expectLParen("then");
        instrs(out);
        c.expectRParen();
        if (c.atLParen("else")) {
            c.next();
            c.next();
            elseBranch(out);
            c.expectRParen();
        }
        labels.remove(labels.size() - 1);
        out.u8(Opcode.END.code());
    }

    /** The instructions of an else branch; an empty one is left out, as wast2json does (same meaning). */
    private void elseBranch(ByteSink out) {
        ByteSink branch = new ByteSink();
        instrs(branch);
        if (branch.size() > 0) {
            out.u8(Opcode.ELSE.code());
            out.append(branch);
        }
    }

    /**
     * A block type (spec 5.4.1 / 6.5.2): no params and at most one result are written as the empty
     * type or that value type; anything else as a type index, inserted if need be. Like wast2json,
     * an explicit {@code (type x)} whose type has that short form is written in the short form too.
     */
    void blockType(TypeUse bt, ByteSink out) {
        FuncType sig;
        if (bt.explicit() >= 0) {
            bt.checkInline(c, m.typeTable);
            if (bt.explicit() >= m.typeTable.size()) {
                out.s64(bt.explicit());
                return;
            }
            sig = m.typeTable.get((int) bt.explicit());
        } else {
            sig = bt.inline();
        }
        if (sig.params().isEmpty() && sig.results().size() <= 1) {
            if (sig.results().isEmpty()) {
                out.u8(0x40);
            } else {
                out.valType(sig.results().get(0));
            }
        } else {
            out.s64(bt.explicit() >= 0 ? bt.explicit() : m.typeTable.findOrAdd(sig));
        }
    }

    /** Whether {@code word} is an instruction name or a keyword of instruction syntax. */
    static boolean knows(String word) {
        return OPS.containsKey(word) || SYNTAX.contains(word);
    }

    private Opcode opcode(Token t) {
        Opcode op = OPS.get(t.text());
        if (op == null) {
            throw c.error(t, SYNTAX.contains(t.text()) ? "unexpected token" : "unknown operator " + t.text());
        }
        return op;
    }

    /** A label index: a number, or a label identifier in scope (innermost first). */
    int label() {
        Token t = c.peek();
        if (t.is(TokenKind.ID)) {
            c.next();
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (t.text().equals(labels.get(i))) {
                    return labels.size() - 1 - i;
                }
            }
            throw c.error(t, "unknown label " + t.text());
        }
        return (int) c.u32();
    }

    IndexSpace locals() {
        return locals;
    }

    /** Opens the scope of a label (null: none). */
    void pushLabel(String label) {
        labels.add(label);
    }

    void popLabel() {
        labels.remove(labels.size() - 1);
    }


}

/*
 * hsdis-amd64.so on capstone: the entry point JDK 17+ calls to disassemble compiled code for
 * -XX:+PrintAssembly. Each instruction is reported to HotSpot (the "insn" events, so it can
 * annotate addresses) and printed as capstone's mnemonic and operands. See README.md.
 */
#include <capstone/capstone.h>
#include <stdint.h>
#include <stdio.h>
typedef void* (*event_callback_t)(void*, const char*, void*);
typedef int (*printf_callback_t)(void*, const char*, ...);
void* decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char* buffer, uintptr_t length,
        event_callback_t event_callback, void* event_stream, printf_callback_t printf_callback, void* printf_stream,
        const char* options, int newline) {
    csh h;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK) return (void*) start_va;
    cs_insn* insn;
    size_t n = cs_disasm(h, buffer, length, start_va, 0, &insn);
    uintptr_t end = start_va;
    for (size_t i = 0; i < n; i++) {
        if (event_callback) event_callback(event_stream, "insn", (void*) insn[i].address);
        printf_callback(printf_stream, "%s %s", insn[i].mnemonic, insn[i].op_str);
        if (event_callback) event_callback(event_stream, "/insn", (void*) (insn[i].address + insn[i].size));
        if (newline) printf_callback(printf_stream, "\n");
        end = insn[i].address + insn[i].size;
    }
    if (n) cs_free(insn, n);
    cs_close(&h);
    return (void*) end;
}

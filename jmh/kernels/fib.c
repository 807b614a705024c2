/*
 * fib.wasm: naive doubly-recursive Fibonacci, a call-heavy benchmark.
 *
 *   int fib(int n)   ->  n < 2 ? n : fib(n-1) + fib(n-2)      fib(30) = 832040
 *
 * Built with -fno-optimize-sibling-calls: that sets the "disable-tail-calls"
 * attribute, which keeps LLVM's tail-recursion/accumulator elimination from
 * turning the second recursive call into a loop. build.sh checks that the body
 * still contains two `call` instructions.
 */
#include "kernel.h"

EXPORT("fib")
int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

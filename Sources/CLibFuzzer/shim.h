// libFuzzer's entry for programs with their own main (LLVM 13 and later). Only kalka-fuzz
// calls it, and only when built by scripts/fuzz.sh with the fuzzer sanitizer: a plain build
// never references it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry for programs with a main of their own (LLVM 11 and later): parses the libFuzzer flags in
   argv and fuzzes `callback`. SwiftPM gives every executable a main of its own, so the targets start it here. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

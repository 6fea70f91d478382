/* Declarations only: LLVMFuzzerRunDriver comes from libFuzzer, which -sanitize=fuzzer links. */
#include "CLibFuzzer.h"

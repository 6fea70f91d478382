import CLibFuzzer

/// Starts libFuzzer on a target function with the process's arguments (`-max_len`, a corpus folder…).
public enum FuzzDriver {
    /// Runs libFuzzer until it stops (time limit, run count, or a crash) and returns its status.
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, target)
    }
}

import Foundation

/// Runs blocking work (process waits, pipe reads, polling sleeps) on a thread of its own.
///
/// The tests run in parallel with browsers, servers and other suites on a cooperative pool as wide as the machine
/// has cores (two here); a test that sleeps or waits for a process on a pool thread starves every other task. Work
/// given to `run` blocks only its own thread while the calling task is suspended.
public enum OffPool {
    /// The result of `work`, run to the end on a new thread.
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

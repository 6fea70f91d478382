import CORSServe

/// Counts of `verify` results, for the closing line.
struct VerificationTally {
    var agreed = 0
    var disagreed = 0
    var notVerifiable = 0
    var failed = 0

    mutating func add(_ status: VerificationResult.Status) {
        switch status {
        case .agrees: agreed += 1
        case .disagrees: disagreed += 1
        case .notVerifiable: notVerifiable += 1
        case .failed: failed += 1
        }
    }

    func summary(browser: BrowserKind) -> String {
        "\(browser.rawValue): \(agreed) agree, \(disagreed) disagree, \(notVerifiable) not verifiable, \(failed) failed"
    }
}

import ArgumentParser
import CORSServe

/// The `--browser` option of `verify`.
enum BrowserChoice: String, ExpressibleByArgument, CaseIterable {
    case chromium
    case firefox

    var kind: BrowserKind {
        switch self {
        case .chromium: .chromium
        case .firefox: .firefox
        }
    }
}

import CORSCore
import Foundation

/// A real browser `verify` can drive headless.
public enum BrowserKind: String, Sendable, Equatable, CaseIterable {
    /// Debian's `chromium`.
    case chromium
    /// Debian's `firefox-esr`.
    case firefox

    /// The evaluator's profile for this browser.
    public var profile: BrowserProfile {
        switch self {
        case .chromium: .chromium
        case .firefox: .firefox
        }
    }

    /// The program names to look for on `PATH`, in order.
    var programs: [String] {
        switch self {
        case .chromium: ["chromium", "chromium-browser", "google-chrome"]
        case .firefox: ["firefox-esr", "firefox"]
        }
    }

    /// The browser's program as found on `PATH`, or nil when it is not installed.
    public var installedProgram: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for program in programs {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(program)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The Debian package that provides it.
    public var debianPackage: String {
        switch self {
        case .chromium: "chromium"
        case .firefox: "firefox-esr"
        }
    }

    /// How the origins must be served for this browser to reach them: Chromium's host-resolver rules can move
    /// ports, Firefox's DNS override cannot.
    public var portChoice: PortChoice {
        switch self {
        case .chromium: .ephemeral
        case .firefox: .scenario
        }
    }

    /// Whether `verify` can read this browser's console messages. Chromium prints them on standard error;
    /// Firefox shows its network-error messages only to DevTools and WebDriver BiDi clients.
    public var consoleIsObservable: Bool { self == .chromium }
}

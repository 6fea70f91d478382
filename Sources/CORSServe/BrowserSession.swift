import Foundation

/// One headless browser process with a fresh profile, opened on one URL.
final class BrowserSession {
    private let process = Process()
    private let profile: URL
    private let log: URL

    /// Starts `browser` on `url`, with the scenario's hosts mapped to the loopback servers inside the browser only.
    init(_ browser: BrowserKind, url: String, bound: [BoundOrigin]) throws {
        guard let program = browser.installedProgram else { throw ServeError.browserMissing(browser.debianPackage) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cors-explorer-\(browser.rawValue)-\(UUID().uuidString)")
        profile = folder.appendingPathComponent("profile")
        log = folder.appendingPathComponent("stderr.log")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
        }
        var arguments: [String]
        switch browser {
        case .chromium:
            arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--enable-logging=stderr", "--v=0", "--user-data-dir=\(profile.path)",
                "--host-resolver-rules=\(HostMapping.chromiumRules(bound))", url,
            ]
        case .firefox:
            let hosts = HostMapping.firefoxLocalDomains(bound)
            let preferences = "user_pref(\"network.dns.localDomains\", \"\(hosts)\");\n" + Self.firefoxPreferences
            try preferences.write(
                to: profile.appendingPathComponent("user.js"), atomically: true, encoding: .utf8)
            arguments = ["--headless", "--no-remote", "--profile", profile.path, url]
        }
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// What the browser has written to standard output and standard error so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Ends the browser (SIGTERM, then SIGKILL after 3 s) and removes its profile.
    func close() async {
        if process.isRunning {
            process.terminate()
            for _ in 0..<30 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: profile.deletingLastPathComponent())
    }

    /// A fresh Firefox profile's settings besides the host mapping: no proxy, and the start-up chatter off.
    private static let firefoxPreferences = """
        user_pref("network.proxy.type", 0);
        user_pref("browser.shell.checkDefaultBrowser", false);
        user_pref("browser.aboutwelcome.enabled", false);
        user_pref("datareporting.policy.dataSubmissionEnabled", false);
        user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
        user_pref("app.normandy.enabled", false);
        user_pref("network.captive-portal-service.enabled", false);
        user_pref("network.connectivity-service.enabled", false);
        user_pref("browser.newtabpage.enabled", false);
        user_pref("extensions.update.enabled", false);
        user_pref("browser.safebrowsing.malware.enabled", false);
        user_pref("browser.safebrowsing.phishing.enabled", false);

        """
}

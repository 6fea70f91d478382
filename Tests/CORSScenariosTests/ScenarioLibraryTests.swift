import CORSScenarios
import Foundation
import Testing

/// Every file in scenarios/ is a regression test: its `expect` block must hold.
@Suite struct ScenarioLibraryTests {
    static let scenarioDirectory: String = {
        let testFile = URL(fileURLWithPath: #filePath)
        return testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios").path
    }()

    static let files = ScenarioLoader.scenarioFiles(in: scenarioDirectory)

    @Test func libraryHasAtLeastFortyScenarios() {
        #expect(Self.files.count >= 40)
    }

    @Test(arguments: files.map { ($0 as NSString).lastPathComponent })
    func scenarioMeetsItsExpectations(_ name: String) throws {
        let scenario = try ScenarioLoader.load(path: Self.scenarioDirectory + "/" + name)
        #expect(scenario.lesson?.isEmpty == false, "every library scenario has a lesson")
        let expectation = try #require(scenario.expectation, "every library scenario has an expect block")
        #expect(expectation.outcome != nil)
        for result in ExpectationChecker.check(scenario) {
            #expect(
                result.mismatches.isEmpty, "\(result.browser.rawValue): \(result.mismatches.joined(separator: "; "))")
        }
    }
}

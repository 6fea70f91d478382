/// An export test could not run: a tool is missing or a server did not start.
struct ExportTestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
